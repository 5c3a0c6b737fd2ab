package org.losseval.archfixture.app;

import org.apache.hadoop.fs.Path;

/** Breaks "Hadoop only in io". */
public final class UsesHadoopPaths {
    private UsesHadoopPaths() {}

    static Path path(String name) {
        return new Path(name);
    }
}
