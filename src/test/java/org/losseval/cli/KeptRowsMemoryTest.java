package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.losseval.format.TinyJson;

/**
 * Issue 11 item 3: memory follows the rows, not --top/--worst. The largest values run on a three-row file
 * (the heap's allocation is pinned in accumulate.ContributionSettingsTest); an absurd one is a usage error.
 */
class KeptRowsMemoryTest {
    @TempDir
    Path dir;

    private String houses() throws Exception {
        return CliRun.write(dir, "houses.csv", "pred,target\n210,200\n340,350\n400,180\n").toString();
    }

    @Test
    void theLargestTopAndWorstOnThreeRowsListTheThreeRows() throws Exception {
        Object report = CliRun.of("eval", houses(), "-p", "pred", "-t", "target", "-l", "mse",
                "--top", "100000", "--worst", "100000", "--format", "json").json();
        Object mse = TinyJson.at(report, "contributions", "losses", 0);
        assertEquals(100000.0, TinyJson.number(mse, "top_k"));
        assertEquals(1.0, TinyJson.number(mse, "share_top_k"));
        assertEquals(48400.0 / 48600, TinyJson.number(mse, "share_top1"));
        List<?> worst = (List<?>) TinyJson.at(mse, "worst_rows");
        assertEquals(3, worst.size());
        assertEquals(List.of(3.0, 1.0, 2.0), worst.stream().map(r -> TinyJson.number(r, "row")).toList());
    }

    @Test
    void anAbsurdTopOrWorstOnARealFileIsExitTwoWithOneExactLine() throws Exception {
        CliRun top = CliRun.of("eval", houses(), "-p", "pred", "-t", "target", "--top", "2147483647");
        assertEquals("losseval: --top must be at most 100000, got 2147483647 "
                + "(--top-fraction gives the share of a larger set of rows)\n", top.err());
        assertEquals(2, top.exitCode());
        assertEquals("", top.out());
        CliRun worst = CliRun.of("eval", houses(), "-p", "pred", "-t", "target", "--worst", "2147483647");
        assertEquals("losseval: --worst must be at most 100000, got 2147483647\n", worst.err());
        assertEquals(2, worst.exitCode());
        assertEquals("", worst.out());
    }
}
