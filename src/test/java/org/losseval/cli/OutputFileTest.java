package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * {@code -o FILE} is written to a temporary file beside it and renamed over it at the end: a failed run
 * never leaves a truncated report, and never destroys the previous one.
 */
class OutputFileTest {
    private static final String PREVIOUS = "the previous report\n";

    @TempDir
    Path dir;

    private Path houses() throws IOException {
        return CliRun.write(dir, "houses.csv", "house,pred,target\nA,210,200\nB,340,350\nC,400,180\n");
    }

    /** Every file in the directory: no temporary file may be left behind. */
    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailingRunLeavesAnExistingOutputFileUntouched() throws IOException {
        Path report = CliRun.write(dir, "report.json", PREVIOUS);
        Path houses = houses();
        CliRun run = CliRun.of("eval", houses.toString(), "-p", "prd", "-t", "target", "--format", "json",
                "-o", report.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("losseval: " + houses + ": column 'prd': no such column; columns are: house, pred, target"
                + " (did you mean 'pred'?)\n", run.err());
        assertEquals(PREVIOUS, Files.readString(report));
        assertEquals(List.of("houses.csv", "report.json"), files());
    }

    @Test
    void aSuccessfulRunReplacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path report = CliRun.write(dir, "report.json", PREVIOUS);
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse",
                "--format", "json", "-o", report.toString()).assertSuccess();
        assertEquals("", run.out());
        assertEquals(16200.0, TinyJson.number(TinyJson.parse(Files.readString(report)), "losses", 0, "value"));
        assertEquals(List.of("houses.csv", "report.json"), files());
    }

    @Test
    void theExtensionOfTheOutputFilePicksTheFormatWhenFormatIsNotGiven() throws IOException {
        Path houses = houses();
        for (String name : List.of("r.json", "r.csv", "r.md", "r.xml", "r.html", "r.txt")) {
            CliRun.of("eval", houses.toString(), "-p", "pred", "-t", "target", "-l", "mse", "-o",
                    dir.resolve(name).toString()).assertSuccess();
        }
        assertEquals(16200.0, TinyJson.number(TinyJson.parse(Files.readString(dir.resolve("r.json"))), "losses", 0, "value"));
        assertEquals("scope,input,label,spec,name,value,count,weight_sum",
                Files.readAllLines(dir.resolve("r.csv")).get(0));
        assertEquals("## losseval", Files.readAllLines(dir.resolve("r.md")).get(0));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", Files.readAllLines(dir.resolve("r.xml")).get(0));
        assertEquals("<!DOCTYPE html>", Files.readAllLines(dir.resolve("r.html")).get(0));
        assertEquals(houses + " (csv): 3 rows read, 3 used, 0 skipped", Files.readAllLines(dir.resolve("r.txt")).get(0));
    }

    @Test
    void formatWinsOverTheExtension() throws IOException {
        Path report = dir.resolve("report.html");
        CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format", "json", "-o",
                report.toString()).assertSuccess();
        assertEquals(16200.0, TinyJson.number(TinyJson.parse(Files.readString(report)), "losses", 0, "value"));
    }

    @Test
    void aPrinterFailingHalfWayLeavesThePreviousReportAndNoTemporaryFile() throws IOException {
        Path report = CliRun.write(dir, "report.txt", PREVIOUS);
        IllegalStateException bug = new IllegalStateException("printer bug");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ReportFile.write(report, out -> {
            out.print("half a rep");
            out.flush();
            throw bug;
        }));
        assertEquals(bug, thrown);
        assertEquals(PREVIOUS, Files.readString(report));
        assertEquals(List.of("report.txt"), files());
    }

    @Test
    void theReplacementKeepsThePermissionsOfThePreviousFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Path report = CliRun.write(dir, "report.txt", PREVIOUS);
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
        CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-o", report.toString()).assertSuccess();
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path target = CliRun.write(dir, "real.txt", PREVIOUS);
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target.getFileName());
        CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-l", "mse", "--format", "csv",
                "-o", link.toString()).assertSuccess();
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).startsWith("scope,"), Files.readString(target));
        assertEquals(List.of("houses.csv", "link.txt", "real.txt"), files());
    }

    @Test
    void aMissingDirectoryIsAnOutputError() throws IOException {
        Path report = dir.resolve("no/such/dir/report.txt");
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-o", report.toString());
        assertEquals("losseval: cannot write '" + report + "': no such directory\n", run.err());
        assertEquals(3, run.exitCode());
    }

    @Test
    void aDirectoryIsAnOutputError() throws IOException {
        CliRun run = CliRun.of("eval", houses().toString(), "-p", "pred", "-t", "target", "-o", dir.toString());
        assertEquals("losseval: cannot write '" + dir + "': it is a directory\n", run.err());
        assertEquals(3, run.exitCode());
    }
}
