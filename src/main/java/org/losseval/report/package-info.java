/**
 * The report model: immutable records of what a run measured. No formatting here, and no imports of
 * io, format or picocli.
 */
package org.losseval.report;
