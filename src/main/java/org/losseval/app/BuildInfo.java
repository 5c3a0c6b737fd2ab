package org.losseval.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** losseval's version, written into a resource by the Maven build. */
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
}
