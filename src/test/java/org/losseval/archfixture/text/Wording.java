package org.losseval.archfixture.text;

import org.losseval.archfixture.gate.Gates;

/** With gate.Gates, the one cycle between the fixture packages: text → gate → text. */
public final class Wording {
    private Wording() {}

    public static String word(Object gate) {
        return gate instanceof Gates ? "gate" : "";
    }
}
