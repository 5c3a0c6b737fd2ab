package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code --version} reports: losseval's version, written into a resource by the Maven build, and the kernel. */
public final class BuildInfo {
    private BuildInfo() {}

    /**
     * The version, e.g. "0.1.0", or "unknown" when the build resource is missing. From the jar, the manifest's
     * Implementation-Version, which the class loader has read already; from a class directory (the tests), the
     * resource the build filters. Both are the pom's version. Reading the resource from the jar (a jar: URL, its
     * connection and the properties parser) was 4% of a three-row run's main thread (StartupProfile, JDK 17).
     */
    public static String version() {
        String fromManifest = BuildInfo.class.getPackage().getImplementationVersion();
        if (fromManifest != null) return fromManifest;
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
