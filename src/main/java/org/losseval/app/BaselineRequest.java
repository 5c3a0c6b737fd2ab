package org.losseval.app;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.loss.Role;

/**
 * The baseline a run compares the candidate with, in the same rows (--baseline-pred and its siblings), and
 * how the comparison's intervals are computed. Null in {@link EvalRequest} when the run compares nothing.
 *
 * <p>The baseline reads the candidate's columns but for the roles given here: its prediction columns.
 * Whoever builds the request may point these roles at any column the sources have (a joined baseline file's
 * columns under names of its own, say).
 *
 * @param roles      the baseline's column (PRED) or group spec (LOGITS, PROBS) for each role it replaces
 * @param quantiles  the baseline's --quantile columns, paired in order with the candidate's (same levels)
 * @param intervals  the baseline's --interval bounds, paired in order with the candidate's (same nominal)
 * @param confidence the level of the intervals of Δ, in (0, 1)
 * @param margin     the non-inferiority margin in the figure's units (Δ's upper end below it), or null
 * @param seed       the bootstrap's seed
 * @param replicates the bootstrap's replicates, at least 1
 * @param shares     whether the loss shares are compared too (--compare-shares): the baseline's own contribution
 *                   figures and the shares' bootstrap, which cost about as much again as the rest of a comparison
 *                   (measured on 10^6 rows, three losses: 4.6 s of CPU against 1.4 s without them), so only on request
 */
public record BaselineRequest(Map<Role, String> roles, List<String> quantiles, List<IntervalColumns> intervals,
                              double confidence, Double margin, long seed, int replicates, boolean shares) {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final long DEFAULT_SEED = 20240917L;
    /**
     * 200 replicates. The bootstrap costs about 9 ns per row and replicate (measured: 1.8 s more for 10^6 rows at
     * 200), so the default keeps a 10^7-row run with the default losses (rmse among them) within about 20 s
     * more; its percentile ends carry Monte Carlo error that shrinks as 1/sqrt(B) (Efron &amp; Tibshirani, 1993,
     * §19.3, ask for about 1000 for percentile intervals): raise --replicates for final figures, and see how
     * much the ends move with another --seed.
     */
    public static final int DEFAULT_REPLICATES = 200;
    /** The roles a baseline can replace. */
    public static final List<Role> ROLES = List.of(Role.PRED, Role.LOGITS, Role.PROBS);

    public BaselineRequest {
        roles = Collections.unmodifiableMap(roles.isEmpty() ? new EnumMap<>(Role.class) : new EnumMap<>(roles));
        quantiles = List.copyOf(quantiles);
        intervals = List.copyOf(intervals);
        for (Role role : roles.keySet()) {
            if (!ROLES.contains(role)) throw new IllegalArgumentException("a baseline has no " + role.option() + " of its own");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence must be between 0 and 1, got " + confidence);
        }
        if (margin != null && !Double.isFinite(margin)) throw new IllegalArgumentException("--margin must be finite");
        if (replicates < 1) throw new IllegalArgumentException("--replicates must be at least 1, got " + replicates);
    }

    /** A baseline whose loss shares are not compared. */
    public BaselineRequest(Map<Role, String> roles, List<String> quantiles, List<IntervalColumns> intervals,
                           double confidence, Double margin, long seed, int replicates) {
        this(roles, quantiles, intervals, confidence, margin, seed, replicates, false);
    }

    /** The candidate's role columns with the baseline's in place of the roles given here. */
    public Map<Role, String> rolesOver(Map<Role, String> candidate) {
        Map<Role, String> merged = new EnumMap<>(Role.class);
        merged.putAll(candidate);
        merged.putAll(roles);
        return merged;
    }
}
