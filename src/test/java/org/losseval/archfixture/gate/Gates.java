package org.losseval.archfixture.gate;

import org.losseval.archfixture.text.Wording;

/** With text.Wording, the one cycle between the fixture packages: gate → text → gate. */
public final class Gates {
    String describe() {
        return Wording.word(this);
    }
}
