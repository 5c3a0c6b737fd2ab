package org.losseval.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The batch columns of each column group of one source, fixed when the source opens. */
final class GroupColumns {
    private final String source;
    private final Map<String, List<String>> bySpec = new LinkedHashMap<>();

    GroupColumns(String source) {
        this.source = source;
    }

    /** Records the batch columns of {@code spec}, in group order. */
    void put(String spec, List<String> batchColumns) {
        bySpec.put(spec, List.copyOf(batchColumns));
    }

    /** @see Source#groupColumns(String) */
    List<String> of(String spec) {
        List<String> columns = bySpec.get(spec);
        if (columns == null) {
            throw new IllegalArgumentException("source " + source + " was opened without group '" + spec
                    + "'; its groups are " + bySpec.keySet());
        }
        return columns;
    }
}
