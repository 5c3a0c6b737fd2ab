package org.losseval.app;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.losseval.loss.Role;
import org.losseval.report.AdviceSettings;

/**
 * What {@code losseval advise} is asked: the inputs, the column roles, and the thresholds.
 *
 * @param inputs         input names as given ("-" is stdin), at least one
 * @param roles          -p/-t for a regression; -t with --logits, --probs or (with classification) -p for a
 *                       classification
 * @param classification whether -p holds probabilities of class 1 rather than regression predictions;
 *                       implied by --logits or --probs
 * @param settings       the thresholds of the rules
 */
public record AdviceRequest(List<String> inputs, Map<Role, String> roles, boolean classification,
                            AdviceSettings settings, InvalidPolicy policy, Character delimiter) {
    public AdviceRequest {
        inputs = List.copyOf(inputs);
        roles = Collections.unmodifiableMap(roles.isEmpty() ? new EnumMap<>(Role.class) : new EnumMap<>(roles));
        classification = classification || roles.containsKey(Role.LOGITS) || roles.containsKey(Role.PROBS);
    }
}
