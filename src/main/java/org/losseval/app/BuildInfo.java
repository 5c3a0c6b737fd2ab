package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code --version} reports: losseval's version, written into a resource by the Maven build, and the kernel. */
public final class BuildInfo {
    private BuildInfo() {}

    /** The version, e.g. "0.1.0", or "unknown" when the build resource is missing. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The regression kernels a long run uses on this JVM and why ({@link KernelChooser#plan}): the vector
     * kernels are available on Java 17 and 25 but not started by default, and this says so. Asking loads the
     * kernel classes, so only {@code --version} calls it.
     */
    public static String kernel() {
        return new KernelChooser().plan();
    }
}
