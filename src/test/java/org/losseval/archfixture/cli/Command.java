package org.losseval.archfixture.cli;

import picocli.CommandLine;

/** Allowed: picocli in cli. */
@CommandLine.Command(name = "fixture")
public final class Command {
    @CommandLine.Option(names = "-x")
    int x;
}
