package org.losseval.cli;

import org.losseval.app.PairingRequest;

/**
 * The baseline's own files (--baseline FILE...) and the --key columns that pair their rows with the
 * candidate's. (Skeleton: the pairing work adds the options.)
 */
final class PairingOptions {
    /** The pairing, or null without --baseline. */
    PairingRequest pairing() throws UsageException {
        return null;
    }
}
