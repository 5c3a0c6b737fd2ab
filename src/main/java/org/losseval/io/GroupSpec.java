package org.losseval.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A column group as the user typed it, resolved against the column names of one input (a CSV header, or
 * the top-level fields of a Parquet schema) into an ordered list of those names.
 *
 * <p>A spec is a comma list of items, each trimmed, each one of (in this order of precedence):
 * <ul>
 *   <li>a <b>name</b> equal to a column: that column. Checked first, so a column literally named
 *       {@code a..b} or {@code x*} stays reachable. A Parquet list column is named this way too; its reader
 *       expands it into one batch column per element.
 *   <li>a <b>glob</b>, holding {@code *} (any run of characters, none included) or {@code ?} (exactly one
 *       character): every matching column, in input order. At least one must match.
 *   <li>a <b>range</b> {@code P<m>..P<n>}: the columns {@code P<m>}, {@code P<m+1>}, …, {@code P<n>}, each of
 *       which must exist. Both ends have the same prefix {@code P} and end in decimal digits, with
 *       {@code m ≤ n}. When both numbers are written with the same number of digits, every member is
 *       zero-padded to that width ({@code l00..l09} is {@code l00}, {@code l01}, …, {@code l09};
 *       {@code l8..l12} is {@code l8}, …, {@code l12}); ends of different widths must not be zero-padded
 *       ({@code l01..l100} is refused: the padding of {@code l99} would be a guess).
 * </ul>
 *
 * <p>Errors: an empty spec or item; a name that is not a column; a glob that matches nothing; a range end
 * or member that is not a column; a malformed range (no trailing number, different prefixes, counting down,
 * inconsistent padding); and a column named twice in one group, since a class or an embedding dimension
 * counted twice is always a mistake. Each is an {@link InputException} at row 0, on one line:
 * {@code file: group 'spec': what is wrong; columns are: … (did you mean …?)}. A name cannot hold a comma.
 */
final class GroupSpec {
    /** The forms a group may take, for messages. */
    static final String FORMS = "give a comma list (a,b), a range (l0..l9), a glob (logit_*) or a list column";
    /** Range numbers are parsed as longs: 18 digits always fit. */
    private static final int MAX_RANGE_DIGITS = 18;
    private static final String RANGE = "..";

    private GroupSpec() {}

    /**
     * @param file      the input name, for messages
     * @param spec      the group as typed
     * @param available the input's column names in input order
     * @return the names of the group's columns, in group order, each once
     */
    static List<String> resolve(String file, String spec, List<String> available) throws InputException {
        if (spec.isBlank()) throw error(file, spec, "empty group; " + FORMS);
        Set<String> names = new HashSet<>(available);
        Set<String> members = new LinkedHashSet<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) throw error(file, spec, "empty item in the comma list; " + FORMS);
            for (String member : expand(file, spec, item, names, available)) {
                if (!members.add(member)) throw error(file, spec, "column '" + member + "' appears twice");
            }
        }
        return List.copyOf(members);
    }

    /** Whether {@code glob} ({@code *} any run, {@code ?} one character, the rest literal) matches all of {@code name}. */
    static boolean globMatches(String glob, String name) {
        int g = 0;
        int n = 0;
        int star = -1;   // the glob position after the last '*' seen, for backtracking
        int resume = 0;  // the name position that '*' has swallowed up to
        while (n < name.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = ++g;
                resume = n;
            } else if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (star >= 0) {
                // Let the last '*' swallow one more character and retry from there.
                g = star;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') g++;
        return g == glob.length();
    }

    private static List<String> expand(String file, String spec, String item, Set<String> names, List<String> available)
            throws InputException {
        if (names.contains(item)) return List.of(item);
        if (item.indexOf('*') >= 0 || item.indexOf('?') >= 0) return glob(file, spec, item, available);
        if (item.contains(RANGE)) return range(file, spec, item, names, available);
        throw error(file, spec, "no column '" + item + "'; " + ColumnErrors.listing(item, available));
    }

    private static List<String> glob(String file, String spec, String glob, List<String> available) throws InputException {
        // Distinct: a CSV header naming a column twice is reported as ambiguous by the reader, not as a repeat here.
        Set<String> matched = new LinkedHashSet<>();
        for (String name : available) {
            if (globMatches(glob, name)) matched.add(name);
        }
        if (matched.isEmpty()) {
            throw error(file, spec, "no column matches '" + glob + "'; " + ColumnErrors.listing(glob, available));
        }
        return List.copyOf(matched);
    }

    private static List<String> range(String file, String spec, String item, Set<String> names, List<String> available)
            throws InputException {
        int at = item.indexOf(RANGE);
        String from = item.substring(0, at).strip();
        String to = item.substring(at + RANGE.length()).strip();
        if (to.contains(RANGE)) throw error(file, spec, "range '" + item + "' has more than one '..'");
        Numbered start = Numbered.parse(file, spec, "start", from);
        Numbered end = Numbered.parse(file, spec, "end", to);
        if (!start.prefix.equals(end.prefix)) {
            throw error(file, spec, "range ends '" + from + "' and '" + to + "' have different prefixes ('"
                    + start.prefix + "' and '" + end.prefix + "')");
        }
        if (start.number > end.number) {
            throw error(file, spec, "range '" + item + "' counts down; write it as '" + to + ".." + from + "'");
        }
        int width;
        if (start.digits == end.digits) {
            width = start.digits;
        } else if (start.padded || end.padded) {
            throw error(file, spec, "range ends '" + from + "' and '" + to + "' are zero-padded differently;"
                    + " write both numbers with the same number of digits");
        } else {
            width = 0;
        }
        checkExists(file, spec, "range start", from, names, available);
        checkExists(file, spec, "range end", to, names, available);
        List<String> members = new ArrayList<>();
        // Every member must exist, so a missing one ends the loop before it can outgrow the input's columns.
        for (long k = start.number; k <= end.number; k++) {
            String member = start.prefix + pad(k, width);
            checkExists(file, spec, "range member", member, names, available);
            members.add(member);
        }
        return members;
    }

    private static void checkExists(String file, String spec, String role, String name, Set<String> names,
                                    List<String> available) throws InputException {
        if (!names.contains(name)) {
            throw error(file, spec, role + " '" + name + "' is not a column; " + ColumnErrors.listing(name, available));
        }
    }

    private static String pad(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static InputException error(String file, String spec, String detail) {
        return new InputException(file, 0, null, "group '" + spec + "': " + detail);
    }

    /** A range end split into its prefix and trailing decimal number. */
    private record Numbered(String prefix, long number, int digits, boolean padded) {
        static Numbered parse(String file, String spec, String role, String end) throws InputException {
            int split = end.length();
            while (split > 0 && isAsciiDigit(end.charAt(split - 1))) split--;
            int digits = end.length() - split;
            if (digits == 0) throw error(file, spec, "range " + role + " '" + end + "' does not end in a number");
            if (digits > MAX_RANGE_DIGITS) {
                throw error(file, spec, "range " + role + " '" + end + "' has more than " + MAX_RANGE_DIGITS + " digits");
            }
            String number = end.substring(split);
            return new Numbered(end.substring(0, split), Long.parseLong(number), digits,
                    digits > 1 && number.charAt(0) == '0');
        }

        private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
    }
}
