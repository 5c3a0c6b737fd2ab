package org.losseval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small CSV files that the reference scripts write and the tests' own data files: a header row, then
 * rows whose fields are plain or wholly quoted ({@code "a, b"}, holding no quote). Each row comes back as a
 * map from header name to field, in header order. The one reader of that shape for the tests.
 */
public final class HeaderCsv {
    private HeaderCsv() {}

    public static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i <= line.length(); ) {
                if (i < line.length() && line.charAt(i) == '"') {
                    int end = line.indexOf('"', i + 1);
                    cells.add(line.substring(i + 1, end));
                    i = end + 2;
                } else {
                    int end = line.indexOf(',', i);
                    if (end < 0) end = line.length();
                    cells.add(line.substring(i, end));
                    i = end + 1;
                }
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) row.put(header[c], cells.get(c));
            rows.add(row);
        }
        return rows;
    }
}
