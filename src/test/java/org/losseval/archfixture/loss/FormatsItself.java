package org.losseval.archfixture.loss;

import org.losseval.archfixture.format.Printer;

/** Breaks "reusable layers never depend on format" from loss. */
public final class FormatsItself {
    private FormatsItself() {}

    static Printer printer() {
        return null;
    }
}
