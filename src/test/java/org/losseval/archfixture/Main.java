package org.losseval.archfixture;

/** Allowed: the entry point is the one class that touches the process's standard streams and exit status. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws java.io.IOException {
        System.out.println(System.in.read());
        System.err.println("done");
        System.exit(0);
    }
}
