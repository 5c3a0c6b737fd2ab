package org.losseval.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.io.InputException;
import org.losseval.io.Source;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * The columns each role reads in one source: a single role's column as given, a group role's columns as
 * the source resolves its spec (a range, a glob, a Parquet list column). Group specs can match different
 * columns in different files, so every input binds its own.
 */
final class ColumnBinding {
    private final Map<Role, List<String>> roles;

    private ColumnBinding(Map<Role, List<String>> roles) {
        this.roles = Collections.unmodifiableMap(roles);
    }

    /**
     * Binds the request's roles in a source. A group that takes in another role's column (a glob 'l*'
     * matching the target 'label') is refused: its results would be silently wrong.
     */
    static ColumnBinding of(EvalRequest request, Source source) throws InputException {
        return of(request.roles(), source);
    }

    /** Binds the given roles (the baseline's over the candidate's, say) in a source, as {@link #of(EvalRequest, Source)}. */
    static ColumnBinding of(Map<Role, String> specs, Source source) throws InputException {
        Map<Role, List<String>> binding = new EnumMap<>(Role.class);
        for (Map.Entry<Role, String> spec : specs.entrySet()) {
            Role role = spec.getKey();
            binding.put(role, role.group() ? source.groupColumns(spec.getValue()) : List.of(spec.getValue()));
        }
        for (Map.Entry<Role, List<String>> group : binding.entrySet()) {
            if (!group.getKey().group()) continue;
            for (Map.Entry<Role, List<String>> other : binding.entrySet()) {
                if (other.getKey() == group.getKey()) continue;
                for (String column : other.getValue()) {
                    if (group.getValue().contains(column)) {
                        throw new InputException(source.name(), 0, null, group.getKey().option() + " '"
                                + specs.get(group.getKey()) + "' includes column '" + column
                                + "', which is also " + other.getKey().option());
                    }
                }
            }
        }
        return new ColumnBinding(binding);
    }

    /**
     * Fails when a group role of this (the candidate's) binding takes in a column of one of the baseline's own
     * roles, or the other way round (a glob 'p*' matching the baseline's 'p_base'): the two models would share
     * columns without anyone having said so.
     */
    void checkApart(ColumnBinding baseline, java.util.Set<Role> baselineRoles, String sourceName) throws InputException {
        for (Role own : baselineRoles) {
            for (String column : baseline.roles.get(own)) {
                for (Map.Entry<Role, List<String>> mine : roles.entrySet()) {
                    if (mine.getValue().contains(column)) {
                        throw new InputException(sourceName, 0, null, "--baseline-" + own.option().substring(2)
                                + " column '" + column + "' is also " + mine.getKey().option() + "'s");
                    }
                }
            }
        }
    }

    /** Each role's columns, in role order. */
    Map<Role, List<String>> roles() { return roles; }

    /**
     * Fails with the first loss that cannot read the columns as bound (a group of the wrong size, a
     * parameter its input form does not support); once per input, before any row is read.
     */
    void checkForms(List<RowLoss> losses, String sourceName) throws InputException {
        // A class, not a lambda: a lambda is linked at every start (issue 14 item 4).
        java.util.function.ToIntFunction<Role> columns = new java.util.function.ToIntFunction<>() {
            @Override
            public int applyAsInt(Role role) {
                return roles.getOrDefault(role, List.of()).size();
            }
        };
        for (RowLoss loss : losses) {
            String problem = loss.formProblem(columns);
            if (problem != null) throw new InputException(sourceName, 0, null, problem);
        }
    }

    /** Every column read: the bound columns in role order, then the plan's other columns not among them. */
    List<String> columns(List<String> alsoRead) {
        List<String> columns = new ArrayList<>();
        for (List<String> bound : roles.values()) columns.addAll(bound);
        for (String column : alsoRead) {
            if (!columns.contains(column)) columns.add(column);
        }
        return columns;
    }
}
