package org.losseval.app;

import java.util.List;
import org.losseval.loss.LossRequest;

/**
 * What to evaluate: a plain record the command line builds, independent of picocli.
 *
 * @param inputs       input names as given ("-" is stdin), at least one
 * @param predColumn   the prediction column
 * @param targetColumn the target column
 * @param weightColumn the sample-weight column, or null
 * @param losses       the losses, in the order requested
 * @param policy       what to do with invalid values
 * @param delimiter    the CSV delimiter, or null to choose by file name
 */
public record EvalRequest(List<String> inputs, String predColumn, String targetColumn, String weightColumn,
                          List<LossRequest> losses, InvalidPolicy policy, Character delimiter) {
    public EvalRequest {
        inputs = List.copyOf(inputs);
        losses = List.copyOf(losses);
        if (inputs.isEmpty()) throw new IllegalArgumentException("no inputs");
        if (losses.isEmpty()) throw new IllegalArgumentException("no losses");
    }
}
