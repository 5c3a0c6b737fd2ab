package org.losseval.loss;

import java.util.List;

/** Every loss losseval knows, in the order they are listed. */
public final class LossRegistry {
    private final List<LossDefinition> definitions;

    public LossRegistry(List<LossDefinition> definitions) { this.definitions = List.copyOf(definitions); }

    /** The built-in losses. */
    public static LossRegistry builtIn() {
        throw new UnsupportedOperationException("implemented by the loss work");
    }

    public List<LossDefinition> definitions() { return definitions; }

    /** The definition with this name or alias, or null. */
    public LossDefinition find(String nameOrAlias) {
        for (LossDefinition d : definitions) {
            if (d.name().equals(nameOrAlias) || d.aliases().contains(nameOrAlias)) return d;
        }
        return null;
    }
}
