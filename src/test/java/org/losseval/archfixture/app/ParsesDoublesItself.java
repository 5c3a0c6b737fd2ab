package org.losseval.archfixture.app;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/** Breaks "FastDoubleParser only in io". */
public final class ParsesDoublesItself {
    private ParsesDoublesItself() {}

    static double parse(CharSequence text) {
        return JavaDoubleParser.parseDouble(text);
    }
}
