package org.losseval.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.losseval.io.ParquetTestFiles;

/**
 * Issue 11's bad-input suite: each case writes real files (CSV text, gzip by the JDK's
 * {@code GZIPOutputStream}, Parquet by parquet-java) into a temporary directory, runs the real entry point,
 * and checks the exit code, the whole of stderr (one line, "losseval: " and the message given here, with
 * {@code {dir}} standing for the directory; a usage error's hint line too) and that stdout is empty. One row
 * per case; the name says what is wrong.
 */
class BadInputSuiteTest {
    @TempDir
    static Path dir;

    /** A file the case writes before it runs. */
    interface Setup {
        void write(Path dir) throws IOException;
    }

    record Case(String name, Setup setup, byte[] stdin, String[] args, int exit, String stderr) {
        @Override
        public String toString() { return name; }
    }

    private static final String CSV = "pred,target\n1,2\n3,5\n";
    private static final List<Case> CASES = new ArrayList<>();
    /** Stands for the whole of {@code losseval --help}'s stdout. */
    private static final String HELP = "{help}";

    private static void add(String name, Setup setup, int exit, String stderr, String... args) {
        CASES.add(new Case(name, setup, new byte[0], args, exit, stderr));
    }

    private static void stdin(String name, byte[] stdin, int exit, String stderr, String... args) {
        CASES.add(new Case(name, d -> { }, stdin, args, exit, stderr));
    }

    private static Setup text(String file, String content) {
        return d -> Files.writeString(d.resolve(file), content, StandardCharsets.UTF_8);
    }

    private static Setup bytes(String file, byte[] content) {
        return d -> Files.write(d.resolve(file), content);
    }

    private static Setup none() {
        return d -> { };
    }

    static byte[] gzip(String content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }

    static byte[] utf(String content, String charset) {
        return content.getBytes(java.nio.charset.Charset.forName(charset));
    }

    private static Setup parquet(String file) {
        return d -> ParquetTestFiles.write(d.resolve(file), List.of("pred", "target"),
                List.of(new double[] {1, 3}, new double[] {2, 5}));
    }

    /** A real Parquet file, then {@code edit} applied to its bytes. */
    private static Setup parquetEdited(String file, java.util.function.UnaryOperator<byte[]> edit) {
        return d -> {
            Path tmp = d.resolve(file + ".orig");
            ParquetTestFiles.write(tmp, List.of("pred", "target"), List.of(new double[] {1, 3}, new double[] {2, 5}));
            Files.write(d.resolve(file), edit.apply(Files.readAllBytes(tmp)));
        };
    }

    private static byte[] footerLength(byte[] file, int length) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy, copy.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(length);
        return copy;
    }

    private static String p(String file) {
        return "{dir}/" + file;
    }

    static {
        String[] pt = {"-p", "pred", "-t", "target"};
        // ---------------------------------------------------------------- CSV
        add("csv: no such file", none(), 3, "{dir}/missing.csv: no such file", cat(p("missing.csv"), pt));
        add("csv: a directory", d -> Files.createDirectories(d.resolve("adir")), 3,
                "{dir}/adir: is a directory, not a file", cat(p("adir"), pt));
        add("csv: empty file", text("empty.csv", ""), 3, "{dir}/empty.csv: empty input: no header row",
                cat(p("empty.csv"), pt));
        add("csv: header only", text("header.csv", "pred,target\n"), 3, "no usable rows: 0 read, 0 skipped", cat(p("header.csv"), pt));
        add("csv: missing prediction column", text("a.csv", CSV), 3, "{dir}/a.csv: column 'yhat': no such column; columns are: pred, target", cat(p("a.csv"), "-p", "yhat", "-t", "target"));
        add("csv: missing target column", text("a1.csv", CSV), 3, "{dir}/a1.csv: column 'y': no such column; columns are: pred, target", cat(p("a1.csv"), "-p", "pred", "-t", "y"));
        add("csv: ambiguous column", text("amb.csv", "pred,pred,target\n1,1,2\n"), 3, "{dir}/amb.csv: column 'pred': ambiguous: the header names fields 1 and 2 alike", cat(p("amb.csv"), pt));
        add("csv: too many fields", text("wide.csv", "pred,target\n1,2,3\n"), 3, "{dir}/wide.csv:2: expected 2 fields, found 3", cat(p("wide.csv"), pt));
        add("csv: too few fields", text("narrow.csv", "pred,target\n1,2\n3\n"), 3, "{dir}/narrow.csv:3: expected 2 fields, found 1", cat(p("narrow.csv"), pt));
        add("csv: empty cell", text("emptycell.csv", "pred,target\n1,2\n,5\n"), 3, "{dir}/emptycell.csv:3: column 'pred': empty value: ''", cat(p("emptycell.csv"), pt));
        add("csv: not a number", text("abc.csv", "pred,target\n1,2\nabc,5\n"), 3, "{dir}/abc.csv:3: column 'pred': not a number: 'abc'", cat(p("abc.csv"), pt));
        add("csv: NaN value", text("nan.csv", "pred,target\nnan,2\n"), 3, "{dir}/nan.csv:2: column 'pred': NaN value", cat(p("nan.csv"), pt));
        add("csv: infinite value", text("inf.csv", "pred,target\n1,-inf\n"), 3, "{dir}/inf.csv:2: column 'target': infinite value", cat(p("inf.csv"), pt));
        add("csv: 1e400 overflows", text("big.csv", "pred,target\n1e400,2\n"), 3, "{dir}/big.csv:2: column 'pred': '1e400' overflows a double", cat(p("big.csv"), pt));
        add("csv: -1e400 overflows", text("nbig.csv", "pred,target\n1,-1e400\n"), 3, "{dir}/nbig.csv:2: column 'target': '-1e400' overflows a double", cat(p("nbig.csv"), pt));
        add("csv: quoted 1e400 overflows", text("qbig.csv", "pred,target\n\"1e400\",2\n"), 3, "{dir}/qbig.csv:2: column 'pred': '1e400' overflows a double", cat(p("qbig.csv"), pt));
        add("csv: hexadecimal float", text("hex.csv", "pred,target\n0x1p3,2\n"), 3, "{dir}/hex.csv:2: column 'pred': not a number: '0x1p3'", cat(p("hex.csv"), pt));
        add("csv: type suffix", text("suffix.csv", "pred,target\n1.5d,2\n"), 3, "{dir}/suffix.csv:2: column 'pred': not a number: '1.5d'", cat(p("suffix.csv"), pt));
        add("csv: unclosed quote", text("quote.csv", "pred,target\n1,2\n\"3,5\n"), 3, "{dir}/quote.csv:3: cannot read: a quoted field is not closed before the end of the input", cat(p("quote.csv"), pt));
        add("csv: text after closing quote", text("after.csv", "pred,target\n\"1\"x,2\n"), 3, "{dir}/after.csv:2: cannot read: text after the closing quote of a field (a quote inside a quoted field is written \"\")", cat(p("after.csv"), pt));
        add("csv: semicolons read with commas", text("semi.csv", "pred;target\n1;2\n"), 3, "{dir}/semi.csv: column 'pred': no such column; the header is one field, 'pred;target': the fields seem to be separated by ';', so try -d ';'", cat(p("semi.csv"), pt));
        add("csv: tabs read with commas", text("tabs.csv", "pred\ttarget\n1\t2\n"), 3, "{dir}/tabs.csv: column 'pred': no such column; the header is one field, 'pred\\ttarget': the fields seem to be separated by $'\\t', so try -d $'\\t'", cat(p("tabs.csv"), pt));
        add("csv: pipes read with semicolons", text("pipes.csv", "pred|target\n1|2\n"), 3, "{dir}/pipes.csv: column 'pred': no such column; the header is one field, 'pred|target': the fields seem to be separated by '|', so try -d '|'",
                cat(p("pipes.csv"), "-p", "pred", "-t", "target", "-d", ";"));
        add("csv: UTF-16LE with BOM", bytes("u16le.csv", utf("\uFEFF" + CSV, "UTF-16LE")), 3, "{dir}/u16le.csv: text encoded as UTF-16LE (byte-order mark ff fe); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8", cat(p("u16le.csv"), pt));
        add("csv: UTF-16BE with BOM", bytes("u16be.csv", utf("\uFEFF" + CSV, "UTF-16BE")), 3, "{dir}/u16be.csv: text encoded as UTF-16BE (byte-order mark fe ff); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8", cat(p("u16be.csv"), pt));
        add("csv: UTF-32LE with BOM", bytes("u32le.csv", utf("\uFEFF" + CSV, "UTF-32LE")), 3, "{dir}/u32le.csv: text encoded as UTF-32LE (byte-order mark ff fe 00 00); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-32 -t UTF-8", cat(p("u32le.csv"), pt));
        add("csv: UTF-32BE with BOM", bytes("u32be.csv", utf("\uFEFF" + CSV, "UTF-32BE")), 3, "{dir}/u32be.csv: text encoded as UTF-32BE (byte-order mark 00 00 fe ff); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-32 -t UTF-8", cat(p("u32be.csv"), pt));
        add("csv: UTF-16LE without BOM", bytes("u16nobom.csv", utf(CSV, "UTF-16LE")), 3, "{dir}/u16nobom.csv: text encoded as UTF-16LE; losseval reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8", cat(p("u16nobom.csv"), pt));
        add("csv: a NUL byte", bytes("nul.csv", "pred,target\n1,\u00002\n".getBytes(StandardCharsets.UTF_8)), 3, "{dir}/nul.csv: binary data, not CSV text (a NUL byte at byte 15)",
                cat(p("nul.csv"), pt));
        add("csv: a zip archive", d -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(d.resolve("data.zip")))) {
                zip.putNextEntry(new ZipEntry("data.csv"));
                zip.write(CSV.getBytes(StandardCharsets.UTF_8));
            }
        }, 3, "{dir}/data.zip: a zip archive, not CSV text: unzip it first", cat(p("data.zip"), pt));
        add("csv: bzip2 data", bytes("b.csv", "BZh91AY&SY".getBytes(StandardCharsets.US_ASCII)), 3, "{dir}/b.csv: bzip2 data, not CSV text: decompress it first (bunzip2)", cat(p("b.csv"), pt));
        add("csv: invalid UTF-8 in a cell", bytes("badutf.csv", concat("pred,target\n1,".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}, "\n".getBytes(StandardCharsets.UTF_8))), 3, "{dir}/badutf.csv:2: column 'target': not a number: '\\ufffd\\ufffdx'",
                cat(p("badutf.csv"), pt));
        add("csv: control bytes in a cell", text("ctl.csv", "pred,target\n1,\u001b[31mred\n"), 3, "{dir}/ctl.csv:2: column 'target': not a number: '\\x1b[31mred'", cat(p("ctl.csv"), pt));
        add("csv: control bytes in the header", text("ctlhead.csv", "pr\u001bed,target\n1,2\n"), 3, "{dir}/ctlhead.csv: column 'pred': no such column; columns are: pr\\x1bed, target (did you mean 'pred'?)", cat(p("ctlhead.csv"), pt));
        add("csv: a long cell is shortened", text("long.csv", "pred,target\n1," + "x".repeat(500) + "\n"), 3, "{dir}/long.csv:2: column 'target': not a number: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'",
                cat(p("long.csv"), pt));
        add("csv: a record over the 1 MiB limit", text("huge.csv", "pred,target\n1," + "7".repeat((1 << 20) + 10) + "\n"),
                3, "{dir}/huge.csv:2: record longer than 1048576 characters (an unclosed quote?)", cat(p("huge.csv"), pt));
        add("csv: every row invalid when skipping", text("allbad.csv", "pred,target\nx,2\n,3\n"), 3, "no usable rows: 2 read, 2 skipped (empty value: 1, not a number: 1)",
                cat(p("allbad.csv"), "-p", "pred", "-t", "target", "--skip-invalid"));
        add("csv: a quoted multi-line record", text("multi.csv", "pred,target\n1,2\n\"3\n\",abc\n"), 3, "{dir}/multi.csv:3: column 'target': not a number: 'abc'",
                cat(p("multi.csv"), pt));
        add("csv: blank lines before a bad row: the line, then the data row", text("blank.csv",
                "pred,target\n1,2\n\n\n3,x\n"), 3, "{dir}/blank.csv:5: column 'target': not a number: 'x' (data row 2)",
                cat(p("blank.csv"), pt));
        add("csv: after a record on two lines: the line, then the data row", text("twolines.csv",
                "pred,target\n\"1\n\",2\n3,x\n"), 3, "{dir}/twolines.csv:4: column 'target': not a number: 'x' (data row 2)",
                cat(p("twolines.csv"), pt));
        add("csv: CRLF lines and a blank one: the line, then the data row", text("crlf.csv",
                "pred,target\r\n1,2\r\n\r\n4,5,6\r\n"), 3, "{dir}/crlf.csv:4: expected 2 fields, found 3 (data row 2)",
                cat(p("crlf.csv"), pt));
        add("csv: msle of a negative target", text("msle.csv", "pred,target\n1,-2\n"), 3, "{dir}/msle.csv:2: column 'target': negative target for msle",
                cat(p("msle.csv"), "-p", "pred", "-t", "target", "-l", "msle"));
        add("csv: bce probability above 1", text("bce.csv", "pred,target\n1.5,1\n"), 3, "{dir}/bce.csv:2: column 'pred': probability outside [0, 1]",
                cat(p("bce.csv"), "-p", "pred", "-t", "target", "-l", "bce"));
        add("csv: crossed interval", text("iv.csv", "lo,hi,target\n3,1,2\n"), 3, "{dir}/iv.csv:2: column 'lo': crossed interval: lower bound 3 > upper bound 'hi' 1",
                cat(p("iv.csv"), "-t", "target", "--interval", "lo:hi@0.8"));
        stdin("csv: empty standard input", new byte[0], 3, "-: empty input: no header row", cat("-", pt));
        stdin("csv: standard input in UTF-16", utf("\uFEFF" + CSV, "UTF-16LE"), 3, "-: text encoded as UTF-16LE (byte-order mark ff fe); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8", cat("-", pt));
        // ---------------------------------------------------------------- gzip
        add("gzip: data after the last member", bytes("junk.csv.gz", concat(gzip(CSV), "junk".getBytes(StandardCharsets.US_ASCII))),
                3, "{dir}/junk.csv.gz: cannot read: data after the end of the gzip stream (bytes that are not another gzip member)", cat(p("junk.csv.gz"), pt));
        add("gzip: zero padding after the last member", bytes("pad.csv.gz", concat(gzip(CSV), new byte[512])), 3, "{dir}/pad.csv.gz: cannot read: data after the end of the gzip stream (bytes that are not another gzip member)",
                cat(p("pad.csv.gz"), pt));
        add("gzip: trailer missing", bytes("notrailer.csv.gz", Arrays.copyOf(gzip(CSV), gzip(CSV).length - 8)), 3, "{dir}/notrailer.csv.gz: cannot read: truncated gzip stream: the trailer (CRC-32 and length) is missing",
                cat(p("notrailer.csv.gz"), pt));
        add("gzip: cut inside the data", bytes("cut.csv.gz", Arrays.copyOf(gzip(CSV), 14)), 3, "{dir}/cut.csv.gz: cannot read: truncated gzip stream: it ends inside compressed data", cat(p("cut.csv.gz"), pt));
        add("gzip: cut inside the header", bytes("cuthead.csv.gz", Arrays.copyOf(gzip(CSV), 5)), 3, "{dir}/cuthead.csv.gz: cannot read: truncated gzip stream: it ends inside a member header", cat(p("cuthead.csv.gz"), pt));
        add("gzip: CRC mismatch", bytes("crc.csv.gz", crcFlipped(gzip(CSV))), 3, "{dir}/crc.csv.gz: cannot read: corrupt gzip stream: the CRC-32 of the data does not match", cat(p("crc.csv.gz"), pt));
        add("gzip: empty .gz file", bytes("empty.csv.gz", new byte[0]), 3, "{dir}/empty.csv.gz: cannot read: empty gzip stream: no data at all", cat(p("empty.csv.gz"), pt));
        add("gzip: .gz name, plain text", text("plain.csv.gz", CSV), 3, "{dir}/plain.csv.gz: cannot read: not in gzip format (it does not start with the gzip magic bytes 1f 8b)", cat(p("plain.csv.gz"), pt));
        add("gzip: compressed empty text", bytes("nothing.csv.gz", gzip("")), 3, "{dir}/nothing.csv.gz: empty input: no header row", cat(p("nothing.csv.gz"), pt));
        add("gzip: compressed UTF-16", bytes("u16.csv.gz", gzipBytes(utf("\uFEFF" + CSV, "UTF-16LE"))), 3, "{dir}/u16.csv.gz: text encoded as UTF-16LE (byte-order mark ff fe); losseval reads UTF-8: convert it first, e.g. iconv -f UTF-16 -t UTF-8",
                cat(p("u16.csv.gz"), pt));
        stdin("gzip: standard input with data after the stream", concat(gzip(CSV), "x".getBytes(StandardCharsets.US_ASCII)),
                3, "-: cannot read: data after the end of the gzip stream (bytes that are not another gzip member)", cat("-", pt));
        // ---------------------------------------------------------------- Parquet
        add("parquet: empty file", bytes("empty.parquet", new byte[0]), 3, "{dir}/empty.parquet: empty file: not a Parquet file (0 bytes)", cat(p("empty.parquet"), pt));
        add("parquet: CSV text named .parquet", text("csv.parquet", CSV), 3, "{dir}/csv.parquet: not a Parquet file: no PAR1 magic at the start (it starts with 'pred,target\\n1,2\\n': text, CSV perhaps; a CSV file needs another name than .parquet)", cat(p("csv.parquet"), pt));
        add("parquet: binary named .parquet", bytes("bin.parquet", new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), 3, "{dir}/bin.parquet: not a Parquet file: no PAR1 magic at the start (it starts with '\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c')", cat(p("bin.parquet"), pt));
        add("parquet: only the magic", text("magic.parquet", "PAR1"), 3, "{dir}/magic.parquet: truncated: 4 bytes, fewer than the 12 of the smallest Parquet file", cat(p("magic.parquet"), pt));
        add("parquet: truncated, footer missing", parquetEdited("trunc.parquet", b -> Arrays.copyOf(b, b.length - 20)), 3, "{dir}/trunc.parquet: truncated: the footer is missing (no PAR1 magic at the end; was the file copied or written completely?)",
                cat(p("trunc.parquet"), pt));
        add("parquet: footer length beyond the file", parquetEdited("longfooter.parquet", b -> footerLength(b, 1 << 30)), 3, "{dir}/longfooter.parquet: corrupt footer: it declares 1073741824 bytes but the file has 536 bytes", cat(p("longfooter.parquet"), pt));
        add("parquet: negative footer length", parquetEdited("negfooter.parquet", b -> footerLength(b, -1)), 3, "{dir}/negfooter.parquet: corrupt footer: it declares -1 bytes but the file has 536 bytes",
                cat(p("negfooter.parquet"), pt));
        add("parquet: garbage footer", parquetEdited("badfooter.parquet", b -> {
            byte[] copy = b.clone();
            int length = ByteBuffer.wrap(copy, copy.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            Arrays.fill(copy, copy.length - 8 - length, copy.length - 8, (byte) 0xff);
            return copy;
        }), 3, "{dir}/badfooter.parquet: corrupt footer: cannot decode the file metadata (don't know what type: 15)", cat(p("badfooter.parquet"), pt));
        add("parquet: missing column", parquet("ok.parquet"), 3, "{dir}/ok.parquet: column 'yhat': no such column; columns are: pred, target", cat(p("ok.parquet"), "-p", "yhat", "-t", "target"));
        add("parquet: a changed value under a page CRC", d -> {
            Path file = ParquetTestFiles.write(d.resolve("crc.parquet"), List.of("pred", "target"),
                    List.of(new double[] {1, 3, 2}, new double[] {2, 5.4321, 7}),
                    ParquetTestFiles.Options.defaults().codec(ParquetTestFiles.Codec.UNCOMPRESSED));
            org.losseval.io.ParquetChecksumTestAccess.flipLowByteOf(file, 5.4321);
        }, 3, "{dir}/crc.parquet: row 1: column 'target': corrupt page in row group 1: its checksum (CRC) does not match its bytes", cat(p("crc.parquet"), pt));
        add("parquet: a null value", d -> ParquetTestFiles.write(d.resolve("null.parquet"), List.of("pred", "target"),
                List.of(new double[] {1, Double.NaN}, new double[] {2, 5}),
                ParquetTestFiles.Options.defaults().nullable(true)), 3, "{dir}/null.parquet: row 2: column 'pred': null value", cat(p("null.parquet"), pt));
        add("parquet: a NaN value", d -> ParquetTestFiles.write(d.resolve("nan.parquet"), List.of("pred", "target"),
                List.of(new double[] {1, Double.NaN}, new double[] {2, 5})), 3, "{dir}/nan.parquet: row 2: column 'pred': NaN value", cat(p("nan.parquet"), pt));
        add("parquet: an infinite value", d -> ParquetTestFiles.write(d.resolve("inf.parquet"), List.of("pred", "target"),
                List.of(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 5})), 3, "{dir}/inf.parquet: row 1: column 'target': infinite value", cat(p("inf.parquet"), pt));
        stdin("parquet: truncated on standard input", "PAR1\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1), 3, "-: truncated: 6 bytes, fewer than the 12 of the smallest Parquet file",
                cat("-", pt));
        // ---------------------------------------------------------------- options
        add("options: no arguments at all: the usage, on stderr", none(), 2, HELP);
        add("options: unknown option", text("o1.csv", CSV), 2, "Unknown option: '--frobnicate'\nTry 'losseval eval --help' for more information.", cat(p("o1.csv"), "-p", "pred", "-t", "target", "--frobnicate"));
        add("options: no input", none(), 2, "Missing required parameter: 'FILE'\nTry 'losseval eval --help' for more information.", "eval", "-p", "pred", "-t", "target");
        add("options: --top negative", text("o2.csv", CSV), 2, "--top must be at least 1, got -1", cat(p("o2.csv"), "-p", "pred", "-t", "target", "--top", "-1"));
        add("options: --top not a number", text("o3.csv", CSV), 2, "Invalid value for option '--top': 'abc' is not an int\nTry 'losseval eval --help' for more information.", cat(p("o3.csv"), "-p", "pred", "-t", "target", "--top", "abc"));
        add("options: --threads 0", text("o4.csv", CSV), 2, "--threads must be at least 1, got 0", cat(p("o4.csv"), "-p", "pred", "-t", "target", "--threads", "0"));
        add("options: unknown format", text("o5.csv", CSV), 2, "Invalid value for option '--format': unknown format 'xml'; formats are: table, json, csv, markdown, junit, html\nTry 'losseval eval --help' for more information.", cat(p("o5.csv"), "-p", "pred", "-t", "target", "--format", "xml"));
        add("options: --precision 0", text("o6.csv", CSV), 2, "--precision: significant digits must be between 1 and 17, got 0", cat(p("o6.csv"), "-p", "pred", "-t", "target", "--precision", "0"));
        add("options: --precision 18", text("o7.csv", CSV), 2, "--precision: significant digits must be between 1 and 17, got 18", cat(p("o7.csv"), "-p", "pred", "-t", "target", "--precision", "18"));
        add("options: empty delimiter", text("o8.csv", CSV), 2, "--delimiter must be one character (not a quote or line break) or 'tab', got ''", cat(p("o8.csv"), "-p", "pred", "-t", "target", "-d", ""));
        add("options: two-character delimiter", text("o9.csv", CSV), 2, "--delimiter must be one character (not a quote or line break) or 'tab', got ';;'", cat(p("o9.csv"), "-p", "pred", "-t", "target", "-d", ";;"));
        add("options: --format given twice", text("o10.csv", CSV), 2, "option '--format' (FORMAT) should be specified only once\nTry 'losseval eval --help' for more information.",
                cat(p("o10.csv"), "-p", "pred", "-t", "target", "--format", "json", "--format", "csv"));
        add("options: --quantile without a level", text("o11.csv", CSV), 2, "--quantile 'pred': expected COL@Q, e.g. p90@0.9",
                cat(p("o11.csv"), "-t", "target", "--quantile", "pred"));
        add("options: --quantile level 1", text("o12.csv", CSV), 2, "--quantile 'pred@1': the quantile level must be in (0, 1), got 1", cat(p("o12.csv"), "-t", "target", "--quantile", "pred@1"));
        add("options: --interval without a colon", text("o13.csv", CSV), 2, "--interval 'pred@0.8': expected LOWER:UPPER[@NOMINAL], e.g. p10:p90@0.8",
                cat(p("o13.csv"), "-t", "target", "--interval", "pred@0.8"));
        add("options: --output into a missing directory", text("o14.csv", CSV), 3, "cannot write '{dir}/nodir/report.json': no such directory",
                cat(p("o14.csv"), "-p", "pred", "-t", "target", "-o", p("nodir/report.json")));
        add("options: --top-fraction above 1", text("o15.csv", CSV), 2, "--top-fraction must be in (0, 1], got 1.5",
                cat(p("o15.csv"), "-p", "pred", "-t", "target", "--top-fraction", "1.5"));
        // ---------------------------------------------------------------- loss specs
        add("spec: unknown loss", text("s1.csv", CSV), 2, "unknown loss 'msee' (did you mean 'mse', 'msle' or 'rmse'?); losses are: "
                + String.join(", ", org.losseval.loss.LossRegistry.builtIn().names()), cat(p("s1.csv"), "-p", "pred", "-t", "target", "-l", "msee"));
        add("spec: unknown parameter", text("s2.csv", CSV), 2, "huber has no parameter 'd'; its parameters are: delta", cat(p("s2.csv"), "-p", "pred", "-t", "target", "-l", "huber:d=1"));
        add("spec: parameter not a number", text("s3.csv", CSV), 2, "huber: delta must be a number or 'mad', got 'abc'",
                cat(p("s3.csv"), "-p", "pred", "-t", "target", "-l", "huber:delta=abc"));
        add("spec: parameter out of its domain", text("s4.csv", CSV), 2, "huber: delta must be > 0, got -1",
                cat(p("s4.csv"), "-p", "pred", "-t", "target", "-l", "huber:delta=-1"));
        add("spec: pinball level above 1", text("s5.csv", CSV), 2, "pinball: q must be in (0, 1), got 1.5", cat(p("s5.csv"), "-p", "pred", "-t", "target", "-l", "pinball:q=1.5"));
        add("spec: empty loss", text("s6.csv", CSV), 2, "empty loss spec; write name or name:key=value, e.g. huber:delta=2", cat(p("s6.csv"), "-p", "pred", "-t", "target", "-l", ""));
        add("spec: parameter without a value", text("s7.csv", CSV), 2, "huber: expected key=value after ':', got 'delta'; its parameters are: delta", cat(p("s7.csv"), "-p", "pred", "-t", "target", "-l", "huber:delta"));
        add("spec: a parameter for a loss without any", text("s8.csv", CSV), 2, "mse has no parameter 'delta'; it takes no parameters",
                cat(p("s8.csv"), "-p", "pred", "-t", "target", "-l", "mse:delta=1"));
        add("spec: a loss without its inputs", text("s9.csv", CSV), 2, "mse needs --pred and --target", cat(p("s9.csv"), "-t", "target", "-l", "mse"));
        add("spec: MAD of 0 for huber:delta=mad", text("s10.csv", "pred,target\n1,1\n2,2\n3,3\n4,9\n"), 3, "huber:delta=mad: the median absolute deviation of the residuals is 0 (at least half of the rows have the same residual), so it cannot be used as delta; give delta as a number, e.g. huber:delta=1",
                cat(p("s10.csv"), "-p", "pred", "-t", "target", "-l", "huber:delta=mad"));
        add("spec: a loss figure overflows a double", text("s11.csv", "pred,target\n1e200,-1e200\n"), 3, "loss 'mse' overflows a double: the inputs are finite but the figure is beyond 1.7976931348623157e+308 (rescale the columns)",
                cat(p("s11.csv"), "-p", "pred", "-t", "target", "-l", "mse"));
        // ---------------------------------------------------------------- gates
        add("gate: empty expression", text("g1.csv", CSV), 2, "--fail-if '': empty gate expression (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')", cat(p("g1.csv"), "-p", "pred", "-t", "target", "--fail-if", ""));
        add("gate: unknown operator", text("g2.csv", CSV), 2, "--fail-if 'mse = 1': gate 'mse = 1': unknown operator (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')", cat(p("g2.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse = 1"));
        add("gate: no number", text("g3.csv", CSV), 2, "--fail-if 'mse >': gate 'mse >': no number after '>' (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')", cat(p("g3.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse >"));
        add("gate: not a number", text("g4.csv", CSV), 2, "--fail-if 'mse > x': gate 'mse > x': 'x' is not a number (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')", cat(p("g4.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse > x"));
        add("gate: number out of range", text("g5.csv", CSV), 2, "--fail-if 'mse > 1e999': gate 'mse > 1e999': '1e999' is out of range",
                cat(p("g5.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse > 1e999"));
        add("gate: unknown figure", text("g6.csv", CSV), 2, "--fail-if 'mase > 1': unknown figure 'mase' (did you mean 'mse', 'mae' or 'rmse'?); figures of this run are: mse, clamped[mse], rmse, clamped[rmse], mae, clamped[mae], share_top1[mse], share_top5[mse], share_top1%[mse], share_top5%[mse], outlier_share[mse], share_top1[rmse], share_top5[rmse], share_top1%[rmse], share_top5%[rmse], outlier_share[rmse], share_top1[mae], share_top5[mae], share_top1%[mae], share_top5%[mae], ... (5 more)", cat(p("g6.csv"), "-p", "pred", "-t", "target", "--fail-if", "mase > 1"));
        add("gate: unbalanced bracket", text("g7.csv", CSV), 2, "--fail-if 'mse[a.csv > 1': gate 'mse[a.csv > 1': unbalanced '[' ']' (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')",
                cat(p("g7.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse[a.csv > 1"));
        add("gate: no figure", text("g8.csv", CSV), 2, "--fail-if '> 1': gate '> 1': no figure before '>' (expected FIGURE OP NUMBER with OP one of <, <=, >, >=, e.g. 'mse <= 0.5')", cat(p("g8.csv"), "-p", "pred", "-t", "target", "--fail-if", "> 1"));
        add("gate: a figure of an input not read", text("g9.csv", CSV), 2, "--fail-if 'mse[other.csv] > 1': unknown figure 'mse[other.csv]' (did you mean 'mse'?); figures of this run are: mse, clamped[mse], rmse, clamped[rmse], mae, clamped[mae], share_top1[mse], share_top5[mse], share_top1%[mse], share_top5%[mse], outlier_share[mse], share_top1[rmse], share_top5[rmse], share_top1%[rmse], share_top5%[rmse], outlier_share[rmse], share_top1[mae], share_top5[mae], share_top1%[mae], share_top5%[mae], ... (5 more)", cat(p("g9.csv"), "-p", "pred", "-t", "target", "--fail-if", "mse[other.csv] > 1"));
        // ---------------------------------------------------------------- weights
        add("weights: all zero", text("w1.csv", "pred,target,w\n1,2,0\n3,5,0\n"), 3, "column 'w': the weights sum to 0 over the 2 usable rows, so every weighted figure is 0/0",
                cat(p("w1.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: all zero after skipping", text("w2.csv", "pred,target,w\n1,2,0\nx,5,1\n"), 3, "column 'w': the weights sum to 0 over the 1 usable rows, so every weighted figure is 0/0",
                cat(p("w2.csv"), "-p", "pred", "-t", "target", "-w", "w", "--skip-invalid"));
        add("weights: negative", text("w3.csv", "pred,target,w\n1,2,1\n3,5,-1\n"), 3, "{dir}/w3.csv:3: column 'w': negative weight",
                cat(p("w3.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: column missing", text("w4.csv", CSV), 3, "{dir}/w4.csv: column 'w': no such column; columns are: pred, target", cat(p("w4.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: empty cell", text("w5.csv", "pred,target,w\n1,2,\n"), 3, "{dir}/w5.csv:2: column 'w': empty value: ''", cat(p("w5.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: NaN", text("w6.csv", "pred,target,w\n1,2,NaN\n"), 3, "{dir}/w6.csv:2: column 'w': NaN value", cat(p("w6.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: 1e400", text("w7.csv", "pred,target,w\n1,2,1e400\n"), 3, "{dir}/w7.csv:2: column 'w': '1e400' overflows a double", cat(p("w7.csv"), "-p", "pred", "-t", "target", "-w", "w"));
        add("weights: not a number", text("w8.csv", "pred,target,w\n1,2,heavy\n"), 3, "{dir}/w8.csv:2: column 'w': not a number: 'heavy'",
                cat(p("w8.csv"), "-p", "pred", "-t", "target", "-w", "w"));
    }

    private static byte[] gzipBytes(byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(content);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored CRC-32 (the trailer's first byte) changed. */
    private static byte[] crcFlipped(byte[] gz) {
        byte[] copy = gz.clone();
        copy[copy.length - 8] ^= 1;
        return copy;
    }

    private static String[] cat(String input, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "eval";
        all[1] = input;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesClearly(Case c) throws IOException {
        c.setup().write(dir);
        String[] args = c.args().clone();
        for (int i = 0; i < args.length; i++) args[i] = args[i].replace("{dir}", dir.toString());
        CliRun run = CliRun.withStdin(new ByteArrayInputStream(c.stdin()), args);
        String expected = c.stderr().equals(HELP) ? CliRun.of("--help").assertSuccess().out()
                : "losseval: " + c.stderr().replace("{dir}", dir.toString()) + "\n";
        if (System.getProperty("badinput.print") != null) {
            System.out.println("CASE\t" + c.name() + "\t" + run.exitCode() + "\t" + run.err().replace(dir.toString(), "{dir}")
                    .replace("\n", "\\n"));
        }
        assertAll(
                () -> assertEquals(c.exit(), run.exitCode(), run.err()),
                () -> assertEquals("", run.out(), "stdout of a refused run"),
                () -> assertEquals(expected, run.err()));
    }
}
