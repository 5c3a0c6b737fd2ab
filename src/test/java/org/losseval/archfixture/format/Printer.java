package org.losseval.archfixture.format;

/** A leaf: depends on nothing of the fixture tree. */
public interface Printer {
    String print();
}
