package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;
import org.losseval.io.ParquetTestFiles;

/** Classification and embedding losses end to end: column groups in CSV and Parquet, labels, the seed's numbers. */
class ClassificationCommandTest {
    /** Means of a few rows computed here in closed form; the loss classes are checked against PyTorch elsewhere. */
    private static final double CLOSE = 1e-15;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return CliRun.write(dir, name, text);
    }

    private static Object json(CliRun run) {
        return run.json();
    }

    @Test
    void seedEmailsFromProbabilities() throws IOException {
        Path emails = write("emails.csv", "email,p,spam\n1,0.95,1\n2,0.10,0\n3,0.03,1\n");
        Object report = json(CliRun.of("eval", emails.toString(), "-p", "p", "-t", "spam", "-l", "bce", "--format", "json"));
        // The seed: -log(0.95) = 0.0513, -log(0.90) = 0.1054, -log(0.03) = 3.5066.
        double expected = (-Math.log(0.95) - Math.log(0.90) - Math.log(0.03)) / 3;
        assertEquals(expected, TinyJson.number(report, "losses", 0, "value"), 1e-15 * expected);
        assertEquals(3.0, TinyJson.number(report, "contributions", "losses", 0, "worst_rows", 0, "row"));
    }

    @Test
    void logitOfOneHundredWithLabelZeroIsExactlyOneHundred() throws IOException {
        Path file = write("z.csv", "z,y\n100,0\n");
        Object report = json(CliRun.of("eval", file.toString(), "--logits", "z", "-t", "y", "-l", "bce", "--format", "json"));
        assertEquals(100.0, TinyJson.number(report, "losses", 0, "value"));
    }

    private static final String THREE_CLASSES = "l0,l1,l2,label\n0,0,0,0\n" + Math.log(2) + ",0,0,0\n";

    /** Row 1: -log(1/3) = ln 3; row 2: -log(2/4) = ln 2. */
    private static final double THREE_CLASS_CE = (Math.log(3) + Math.log(2)) / 2;

    @Test
    void crossEntropyOverARangeAGlobAndAList() throws IOException {
        Path file = write("ce.csv", THREE_CLASSES);
        for (String logits : new String[] {"l0..l2", "l?", "l0,l1,l2"}) {
            Object report = json(CliRun.of("eval", file.toString(), "--logits", logits, "-t", "label", "-l", "ce",
                    "--format", "json"));
            assertEquals(THREE_CLASS_CE, TinyJson.number(report, "losses", 0, "value"), CLOSE, logits);
        }
    }

    @Test
    void crossEntropyFromAParquetListColumn() throws IOException {
        Path file = dir.resolve("ce.parquet");
        ParquetTestFiles.writeWithList(file, List.of("label"), List.of(new double[] {0, 0}), "logits",
                new double[][] {{0, 0, 0}, {Math.log(2), 0, 0}}, ParquetTestFiles.ListLayout.STANDARD,
                ParquetTestFiles.Options.defaults());
        Object report = json(CliRun.of("eval", file.toString(), "--logits", "logits", "-t", "label", "-l", "ce",
                "--format", "json"));
        assertEquals(THREE_CLASS_CE, TinyJson.number(report, "losses", 0, "value"), CLOSE);
    }

    @Test
    void groupThatSwallowsAnotherRolesColumnIsRefused() throws IOException {
        // 'l*' also matches 'label': four "classes", one of them the target, would be silently wrong.
        Path file = write("ce.csv", THREE_CLASSES);
        CliRun run = CliRun.of("eval", file.toString(), "--logits", "l*", "-t", "label", "-l", "ce");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(List.of("losseval: " + file + ": --logits 'l*' includes column 'label', which is also --target"),
                run.err().lines().toList());
    }

    @Test
    void wrongLengthListIsInvalidInput() throws IOException {
        Path file = dir.resolve("short.parquet");
        ParquetTestFiles.writeWithList(file, List.of("label"), List.of(new double[] {0, 0}), "logits",
                new double[][] {{0, 0, 0}, {1, 0}}, ParquetTestFiles.ListLayout.STANDARD,
                ParquetTestFiles.Options.defaults());
        CliRun run = CliRun.of("eval", file.toString(), "--logits", "logits", "-t", "label", "-l", "ce");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(List.of("losseval: " + file + ": row 2: column 'logits[0]': list of the wrong length: '2 values, expected 3'"),
                run.err().lines().toList());
    }

    @Test
    void labelOutsideTheClassesIsInvalidInput() throws IOException {
        Path file = write("bad.csv", "l0,l1,l2,label\n0,0,0,3\n");
        CliRun run = CliRun.of("eval", file.toString(), "--logits", "l0..l2", "-t", "label", "-l", "ce");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(List.of("losseval: " + file + ":2: column 'label': label not a class index"), run.err().lines().toList());
    }

    @Test
    void lossWithoutItsInputsNamesTheOptions() throws IOException {
        Path file = write("ce.csv", THREE_CLASSES);
        CliRun run = CliRun.of("eval", file.toString(), "-t", "label", "-l", "ce");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("losseval: ce needs --logits and --target, or --logits and --target-probs, or --probs and"
                + " --target, or --probs and --target-probs"), run.err().lines().toList());
    }

    @Test
    void tripletAndInfonceFromColumnGroups() throws IOException {
        // anchor (0,0), positive (1,0), negative (3,0): d(a,p) ~ 1, d(a,n) ~ 3, margin 1 → max(1 - 3 + 1, 0) = 0.
        Path file = write("emb.csv", "a0,a1,p0,p1,n0,n1,spos,sneg0,sneg1\n0,0,1,0,3,0,1,0,0\n");
        Object report = json(CliRun.of("eval", file.toString(), "--anchor", "a0,a1", "--positive", "p0..p1",
                "--negative", "n*", "--sim-pos", "spos", "--sim-neg", "sneg0,sneg1", "-l", "triplet",
                "-l", "infonce:temperature=1", "--format", "json"));
        assertEquals(0.0, TinyJson.number(report, "losses", 0, "value"));
        // logsumexp(1, 0, 0) - 1 = log(e + 2) - 1
        assertEquals(Math.log(Math.E + 2) - 1, TinyJson.number(report, "losses", 1, "value"), CLOSE);
    }
}
