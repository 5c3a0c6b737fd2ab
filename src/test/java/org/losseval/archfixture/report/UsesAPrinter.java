package org.losseval.archfixture.report;

import org.losseval.archfixture.format.Printer;

/** Breaks "report never depends on format" (and the reusable-layers rule). */
public final class UsesAPrinter {
    private UsesAPrinter() {}

    static String render(Printer printer) {
        return printer.print();
    }
}
