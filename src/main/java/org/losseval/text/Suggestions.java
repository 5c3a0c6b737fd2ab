package org.losseval.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names closest to a mistyped one, for "did you mean" hints. */
public final class Suggestions {
    private Suggestions() {}

    /**
     * The candidates within a small edit distance of {@code typed} (case-insensitive), closest first, at
     * most three.
     */
    public static List<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, t.length() / 3 + 1));
        List<String> matches = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(t, lc);
            boolean prefix = lc.startsWith(t) || t.startsWith(lc);
            if (d <= limit || (prefix && Math.min(t.length(), lc.length()) >= 2)) {
                matches.add(c);
                distances.add(d);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(distances::get));
        List<String> result = new ArrayList<>();
        for (int i = 0; i < Math.min(3, order.size()); i++) result.add(matches.get(order.get(i)));
        return result;
    }

    /** " (did you mean 'a' or 'b'?)" or the empty string when nothing is close. */
    public static String hint(String typed, Collection<String> candidates) {
        List<String> close = closest(typed, candidates);
        if (close.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (did you mean ");
        for (int i = 0; i < close.size(); i++) {
            if (i > 0) sb.append(i == close.size() - 1 ? " or " : ", ");
            sb.append('\'').append(close.get(i)).append('\'');
        }
        return sb.append("?)").toString();
    }

    /** Optimal string alignment distance (Levenshtein with transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
