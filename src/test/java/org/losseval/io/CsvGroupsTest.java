package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.losseval.batch.CellIssue;
import org.losseval.batch.CellIssue.Problem;
import org.losseval.batch.ColumnBatch;

/**
 * Column groups over CSV headers, through {@link Sources#open} on real files. Expected columns and
 * values are the ones written into each file by hand.
 */
class CsvGroupsTest {
    private static final double EXACT = 0.0;
    private static final InputStream NO_STDIN = InputStream.nullInputStream();
    /** Ten logits l0..l9 and a target, each row holding row*10 + class so every cell is distinct. */
    private static final String LOGITS = "id,l0,l1,l2,l3,l4,l5,l6,l7,l8,l9,target\n"
            + "a,0,1,2,3,4,5,6,7,8,9,3\n"
            + "b,10,11,12,13,14,15,16,17,18,19,7\n";

    @TempDir Path dir;

    @Test
    void commaListKeepsTheTypedOrder() throws Exception {
        Path file = write("l.csv", LOGITS);

        try (Source source = open(file, List.of(), List.of("l2, l0,l9"))) {
            ColumnBatch batch = source.next();
            assertEquals(List.of("l2", "l0", "l9"), source.groupColumns("l2, l0,l9"));
            assertArrayEquals(new double[] {2, 12}, CsvSourceTest.head(batch, "l2"), EXACT);
            assertArrayEquals(new double[] {9, 19}, CsvSourceTest.head(batch, "l9"), EXACT);
        }
    }

    @Test
    void rangeReadsEveryMemberOnceBesidePlainColumns() throws Exception {
        Path file = write("r.csv", LOGITS);

        try (Source source = open(file, List.of("target", "l1"), List.of("l0..l9"))) {
            ColumnBatch batch = source.next();
            List<String> group = source.groupColumns("l0..l9");
            assertEquals(List.of("l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9"), group);
            // l1 is both a plain column and a group member: read once, plain columns first.
            assertEquals(List.of("target", "l1", "l0", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9"),
                    batch.columnNames());
            for (int k = 0; k < 10; k++) {
                assertArrayEquals(new double[] {k, 10 + k}, CsvSourceTest.head(batch, group.get(k)), EXACT);
            }
        }
    }

    @Test
    void zeroPaddedRangeKeepsItsWidth() throws Exception {
        Path file = write("z.csv", "p08,p09,p10,p11,p9\n8,9,10,11,-9\n");

        try (Source source = open(file, List.of(), List.of("p08..p11"))) {
            ColumnBatch batch = source.next();
            assertEquals(List.of("p08", "p09", "p10", "p11"), source.groupColumns("p08..p11"));
            assertEquals(9, batch.column("p09")[0], EXACT);
        }
    }

    @Test
    void globMatchesInHeaderOrder() throws Exception {
        Path file = write("g.csv", "logit_b,x,logit_a,logit_,emb_1,emb_10,emb_2\n1,2,3,4,5,6,7\n");

        try (Source source = open(file, List.of(), List.of("logit_*", "emb_?"))) {
            ColumnBatch batch = source.next();
            assertEquals(List.of("logit_b", "logit_a", "logit_"), source.groupColumns("logit_*"));
            assertEquals(List.of("emb_1", "emb_2"), source.groupColumns("emb_?"));
            assertEquals(4, batch.column("logit_")[0], EXACT);
            assertTrue(!batch.hasColumn("emb_10") && !batch.hasColumn("x"));
        }
    }

    @Test
    void mixOfNamesRangesAndGlobs() throws Exception {
        Path file = write("m.csv", "a,l0,l1,l2,l3,zeta,zz,b\n1,2,3,4,5,6,7,8\n");

        try (Source source = open(file, List.of(), List.of("b,l1..l3,z*,a"))) {
            assertEquals(List.of("b", "l1", "l2", "l3", "zeta", "zz", "a"), source.groupColumns("b,l1..l3,z*,a"));
            assertArrayEquals(new double[] {8}, CsvSourceTest.head(source.next(), "b"), EXACT);
        }
    }

    @Test
    void exactNamesWinOverRangeAndGlobSyntax() throws Exception {
        Path file = write("x.csv", "a..b,x*,x1\n1,2,3\n");

        try (Source source = open(file, List.of(), List.of("a..b,x*"))) {
            assertEquals(List.of("a..b", "x*"), source.groupColumns("a..b,x*"));
        }
    }

    @Test
    void groupCellsCarryIssuesLikeAnyColumn() throws Exception {
        Path file = write("i.csv", "l0,l1,l2\n1,,3\n4,x,6\n");

        ColumnBatch batch = CsvSourceTest.readAll(file.toString(),
                SourceOptions.of(List.of(), List.of("l0..l2"))).get(0);

        assertEquals(List.of(
                new CellIssue(0, "l1", Problem.EMPTY, ""),
                new CellIssue(1, "l1", Problem.UNPARSABLE, "x")), batch.issues());
    }

    @Test
    void unknownSpecIsAnIllegalArgument() throws Exception {
        Path file = write("u.csv", LOGITS);

        try (Source source = open(file, List.of("target"), List.of("l0..l2"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> source.groupColumns("l0..l3"));
            assertEquals("source " + file + " was opened without group 'l0..l3'; its groups are [l0..l2]", e.getMessage());
        }
    }

    @Test
    void oldFourArgumentOptionsHaveNoGroups() {
        SourceOptions options = new SourceOptions(List.of("a"), ';', 10, 100);

        assertEquals(List.of(), options.groups());
        assertEquals(List.of("g*"), options.withGroups(List.of("g*")).groups());
    }

    /** Each malformed or unmatched group fails at open with one line naming file and group. */
    @ParameterizedTest(name = "group ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            logits_*  | no column matches 'logits_*'; columns are: id, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, target
            l0..l10   | range end 'l10' is not a column; columns are: id, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, target (did you mean 'l0', 'l1' or 'l2'?)
            k0..k2    | range start 'k0' is not a column; columns are: id, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, target (did you mean 'l0'?)
            l9..l0    | range 'l9..l0' counts down; write it as 'l0..l9'
            l0..m3    | range ends 'l0' and 'm3' have different prefixes ('l' and 'm')
            l..l9     | range start 'l' does not end in a number
            l01..l100 | range ends 'l01' and 'l100' are zero-padded differently; write both numbers with the same number of digits
            ""        | empty group; give a comma list (a,b), a range (l0..l9), a glob (logit_*) or a list column
            "l0,,l1"  | empty item in the comma list; give a comma list (a,b), a range (l0..l9), a glob (logit_*) or a list column
            "l1,l0..l2" | column 'l1' appears twice
            "l0,targt"  | no column 'targt'; columns are: id, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, target (did you mean 'target'?)
            """)
    void resolutionErrorsNameFileAndGroup(String spec, String detail) throws Exception {
        Path file = write("e.csv", LOGITS);

        InputException e = assertThrows(InputException.class, () -> open(file, List.of(), List.of(spec)));

        assertEquals(file + ": group '" + spec + "': " + detail, e.getMessage());
        assertEquals(0, e.row());
    }

    @Test
    void missingMemberInsideARange() throws Exception {
        Path file = write("h.csv", "l0,l1,l3\n1,2,3\n");

        InputException e = assertThrows(InputException.class, () -> open(file, List.of(), List.of("l0..l3")));

        assertEquals(file + ": group 'l0..l3': range member 'l2' is not a column; columns are: l0, l1, l3"
                + " (did you mean 'l0', 'l1' or 'l3'?)", e.getMessage());
    }

    @Test
    void globOverADuplicatedHeaderNameIsAmbiguous() throws Exception {
        Path file = write("d.csv", "x1,a,x1\n1,2,3\n");

        InputException e = assertThrows(InputException.class, () -> open(file, List.of(), List.of("x?")));

        assertEquals("x1", e.column());
        assertEquals(file + ": column 'x1': ambiguous: the header names fields 1 and 3 alike", e.getMessage());
    }

    /** Opens with the default CSV reader, after checking that both CSV readers agree on the file. */
    private Source open(Path file, List<String> columns, List<String> groups) throws InputException {
        CsvReaderAgreement.assertAgreeOnFile(file.toString(), SourceOptions.of(columns, groups));
        return Sources.open(file.toString(), NO_STDIN, SourceOptions.of(columns, groups));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
