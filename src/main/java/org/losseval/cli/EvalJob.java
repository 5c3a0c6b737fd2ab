package org.losseval.cli;

import org.losseval.app.EvalRequest;

/**
 * What {@code losseval eval} was asked to do, converted from the options: what to evaluate, and where to
 * write the report.
 */
record EvalJob(EvalRequest request, ReportOutput output) {}
