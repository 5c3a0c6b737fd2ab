package org.losseval.accumulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference CSV files written by {@code src/test/resources/reference/stats/generate.py}: a
 * comment line, a header, then rows of plain fields (no quoting is needed by those files); and the files of the same
 * shape beside other scripts ({@link #readResource}: the comparison tests' under {@code reference/compare}).
 */
public final class ReferenceCsv {
    private ReferenceCsv() {}

    /** Each row of {@code reference/stats/NAME} as header name to field. */
    static List<Map<String, String>> read(String name) {
        return readResource("/reference/stats/" + name);
    }

    /** Each row of a reference file of the same shape elsewhere (a resource path) as header name to field. */
    public static List<Map<String, String>> readResource(String path) {
        String text;
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing reference file " + path);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] fields = line.split(",", -1);
            if (header == null) {
                header = fields;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], fields[i]);
            rows.add(row);
        }
        return rows;
    }

    /** A two-column (figure, value) file as a map. */
    static Map<String, Double> figures(String name) {
        Map<String, Double> figures = new HashMap<>();
        for (Map<String, String> row : read(name)) figures.put(row.get("figure"), Double.parseDouble(row.get("value")));
        return figures;
    }
}
