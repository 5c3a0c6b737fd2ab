/**
 * The report model: immutable records of what a run measured. No formatting here, and no imports of
 * io, accumulate, format or picocli. It owns every result record: states produce them, printers read them.
 */
package org.losseval.report;
