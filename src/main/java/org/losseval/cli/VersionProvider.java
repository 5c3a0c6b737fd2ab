package org.losseval.cli;

import org.losseval.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: losseval's version, the Java runtime, and the active kernel. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "losseval " + BuildInfo.version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ")",
            "kernel: " + BuildInfo.kernel()
        };
    }
}
