package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.losseval.kernel.Kernels;

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
     * The regression kernels a large run would use and why, e.g. "vector (512-bit, 8 doubles)", or "scalar"
     * and the reason. Asking loads the kernel classes, so only {@code --version} calls it.
     */
    public static String kernel() {
        return Kernels.regression().description();
    }
}
