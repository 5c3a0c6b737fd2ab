package org.losseval.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.loss.Role;

/**
 * The naming contract between a baseline in other files ({@code --baseline FILE...}) and the rest of a run:
 * the paired batches ({@link PairedSource}) hold the baseline's column {@code C} under the reserved name
 * {@value #PREFIX}{@code C}, beside the candidate's own columns, so a baseline in other files looks to the
 * comparison exactly like a baseline in the same rows whose columns happen to be called {@code baseline:C}.
 *
 * <p>Rule for the baseline's columns: each baseline role reads, in the baseline's files, the column its
 * {@code --baseline-<role>} option names when given, else the candidate's column of the same role
 * ({@code --baseline old.parquet -p pred} compares with the baseline's {@code pred}). A group role's spec
 * ({@code l0..l9}, {@code logit_*}, a Parquet list) is resolved in the baseline's files and each of its batch
 * columns is reserved the same way ({@code baseline:emb[3]}); the spec itself is written
 * {@code baseline:l0..l9}, and {@link PairedSource#groupColumns} resolves it.
 *
 * <p>The names cannot clash with a user's column: in a run with {@code --baseline FILE}, a candidate column
 * whose name starts with {@value #PREFIX} is refused ({@link #checkNoClash}), so a name with the prefix
 * always means the baseline's column. The prefix is readable because the names show in messages (a
 * baseline cell that is not a number is reported as column {@code 'baseline:pred'} of the candidate's row).
 */
public final class PairedColumns {
    /** The prefix of every baseline column in a paired batch. */
    public static final String PREFIX = "baseline:";

    private PairedColumns() {}

    /** The paired batches' name for the baseline's column (or group spec) {@code baselineColumn}. */
    public static String reserved(String baselineColumn) {
        return PREFIX + baselineColumn;
    }

    /** Whether {@code name} is a reserved name, that is, a baseline column of a paired batch. */
    public static boolean isReserved(String name) {
        return name.startsWith(PREFIX);
    }

    /** The baseline file's column (or group spec) a reserved name stands for. */
    static String baselineColumn(String reserved) {
        if (!isReserved(reserved)) throw new IllegalArgumentException("not a baseline column: " + reserved);
        return reserved.substring(PREFIX.length());
    }

    /**
     * The roles a comparison reads from a baseline in other files, as reserved names: for each role of
     * {@code candidateRoles} that {@code baselineRoles} may hold, the baseline's column is
     * {@code explicit.get(role)} when given (a {@code --baseline-pred COL} option), else the candidate's column.
     *
     * @param candidateRoles the candidate's roles as given (-p, --logits, ...)
     * @param compared       the roles the comparison compares (the model's outputs: pred, logits, ...)
     * @param explicit       the baseline files' columns named by --baseline-&lt;role&gt;, by role
     */
    public static Map<Role, String> baselineRoles(Map<Role, String> candidateRoles, List<Role> compared,
                                                  Map<Role, String> explicit) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role role : compared) {
            String column = explicit.containsKey(role) ? explicit.get(role) : candidateRoles.get(role);
            if (column != null) roles.put(role, reserved(column));
        }
        return roles;
    }

    /**
     * Refuses a candidate column with the reserved prefix in a run that pairs with baseline files.
     *
     * @param candidateColumns the columns and group specs read from the candidate's files
     * @throws InvalidRequestException naming the column
     */
    static void checkNoClash(List<String> candidateColumns) throws InvalidRequestException {
        for (String column : candidateColumns) {
            if (isReserved(column)) {
                throw new InvalidRequestException("column '" + column + "' starts with '" + PREFIX + "', which --baseline"
                        + " reserves for the baseline's columns; rename the column in the candidate's files");
            }
        }
    }

    /** The names of {@code names} that are reserved, with the prefix removed, in order. */
    static List<String> baselineColumns(List<String> names) {
        List<String> columns = new ArrayList<>();
        for (String name : names) {
            if (isReserved(name)) columns.add(baselineColumn(name));
        }
        return columns;
    }

    /** The names of {@code names} that are not reserved, in order. */
    static List<String> candidateColumns(List<String> names) {
        return names.stream().filter(n -> !isReserved(n)).toList();
    }
}
