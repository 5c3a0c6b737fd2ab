package org.losseval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.losseval.loss.LossDefinition;
import org.losseval.loss.LossRegistry;
import org.losseval.loss.ParamDefinition;

/** The README documents every loss and every parameter the registry knows, so the two cannot drift apart. */
class DocsTest {

    @Test
    void readmeNamesEveryLossAndParameter() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        // The README is prose, so a name is searched for, not compared; the backticks anchor it as a code span
        // (`mse` is not found inside `rmse`).
        List<String> missing = new ArrayList<>();
        for (LossDefinition loss : LossRegistry.builtIn().definitions()) {
            if (!readme.contains("`" + loss.name() + "`")) missing.add(loss.name());
            for (ParamDefinition param : loss.params()) {
                if (!readme.contains("`" + param.name() + "`") && !readme.contains("`" + param.name() + "` =")) {
                    missing.add(loss.name() + ":" + param.name());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
