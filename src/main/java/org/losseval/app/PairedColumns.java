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
 * <p>Rule for the baseline's columns ({@link #forBaselineFiles}): each baseline role reads, in the baseline's
 * files, the column its {@code --baseline-<role>} option names when given, else the candidate's column of
 * the same role ({@code --baseline old.parquet -p pred} compares with the baseline's {@code pred};
 * {@code --baseline old.parquet -p pred --baseline-pred yhat} with the baseline's {@code yhat}); quantile
 * and interval columns likewise. A group role's spec
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
     * The baseline of a run whose baseline is in other files, with its columns under their reserved names:
     * each role of {@link BaselineRequest#ROLES} reads the column {@code given} names for it
     * (--baseline-pred COL names the baseline file's column), else the candidate's column of that role; the
     * quantile and interval columns likewise (the given ones when any is given, else the candidate's). The
     * comparison's settings (confidence, margin, seed, replicates) are {@code given}'s.
     *
     * @param given          the comparison as the options gave it, with the baseline files' column names
     * @param candidateRoles the candidate's roles (-p, --logits, ...)
     * @return the baseline with reserved names, or null when the candidate has nothing a baseline can replace
     */
    public static BaselineRequest forBaselineFiles(BaselineRequest given, Map<Role, String> candidateRoles,
                                                   List<QuantileColumn> candidateQuantiles,
                                                   List<IntervalColumns> candidateIntervals) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        for (Role role : BaselineRequest.ROLES) {
            String column = given.roles().containsKey(role) ? given.roles().get(role) : candidateRoles.get(role);
            if (column != null) roles.put(role, reserved(column));
        }
        List<String> quantiles = new ArrayList<>();
        if (!given.quantiles().isEmpty()) {
            for (String column : given.quantiles()) quantiles.add(reserved(column));
        } else {
            for (QuantileColumn q : candidateQuantiles) quantiles.add(reserved(q.column()));
        }
        List<IntervalColumns> intervals = new ArrayList<>();
        for (IntervalColumns i : given.intervals().isEmpty() ? candidateIntervals : given.intervals()) {
            intervals.add(new IntervalColumns(reserved(i.lower()), reserved(i.upper()), null));
        }
        if (roles.isEmpty() && quantiles.isEmpty() && intervals.isEmpty()) return null;
        return new BaselineRequest(roles, quantiles, intervals, given.confidence(), given.margin(), given.seed(),
                given.replicates(), given.shares());
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
