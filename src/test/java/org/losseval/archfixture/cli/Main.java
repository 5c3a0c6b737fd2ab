package org.losseval.archfixture.cli;

/** Breaks the standard-streams rule: named Main, but not the entry point (the rule matches the full name). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("not the entry point");
    }
}
