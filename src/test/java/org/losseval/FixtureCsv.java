package org.losseval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the reference fixtures the Python scripts write: plain comma-separated lines with a header, '#'
 * comments and no quoting. One reader for every fixture, so a format change is made once.
 */
public final class FixtureCsv {
    private FixtureCsv() {}

    /** The data lines of a test resource, each split into exactly {@code columns} fields. */
    public static List<String[]> read(String resource, int columns) {
        try (InputStream in = FixtureCsv.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> lines = new ArrayList<>();
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                if (header) {
                    header = false;
                    continue;
                }
                if (line.indexOf('"') >= 0) throw new IllegalStateException(resource + ": quoted field in " + line);
                String[] fields = line.split(",", -1);
                if (fields.length != columns) throw new IllegalStateException(resource + ": bad line " + line);
                lines.add(fields);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "a=1;b=2" as a sorted map; empty text gives an empty map. */
    public static Map<String, String> params(String text) {
        Map<String, String> params = new TreeMap<>();
        if (text.isEmpty()) return params;
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return params;
    }

    /** "1 2.5 3" as numbers. */
    public static double[] numbers(String text) {
        String[] parts = text.split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Double.parseDouble(parts[i]);
        return out;
    }
}
