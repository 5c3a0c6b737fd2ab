package org.losseval.app;

import java.util.List;

/**
 * The baseline's own files (--baseline FILE...) and how their rows are paired with the candidate's: by the
 * --key columns, or by position when there are none. Null in {@link EvalRequest} without --baseline.
 * (Skeleton: the pairing work fills in its rules.)
 *
 * @param files the baseline's files as given
 * @param keys  the key columns, empty to pair by position
 */
public record PairingRequest(List<String> files, List<String> keys) {
    public PairingRequest {
        files = List.copyOf(files);
        keys = List.copyOf(keys);
    }
}
