package org.losseval.app;

import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;

/**
 * Picks the kernels for each batch: the scalar ones until the run has read {@link #vectorAfterRows(int)}
 * rows, the active ones (vector, when available) after that. Both give the same bits, so the choice
 * changes only speed. The switch-over depends on the Java release ({@code Runtime.version().feature()}),
 * and {@code -Dlosseval.vectorAfterRows=N} overrides it (e.g. 0 to use the vector kernels from the first
 * row, as the vector test execution and benchmarks do).
 *
 * <p>Why the vector kernels never start by default, on Java 17 and on Java 25 alike. Whole runs, user CPU
 * seconds of the process (both threads), mean of 2–3 runs on the shared 2-core machine (load 3–7),
 * page-cached files; commands and every figure in {@code src/bench/README.md}, "Vector switch-over":
 * <table>
 *   <caption>user CPU seconds by the rows read before the vector kernels start</caption>
 *   <tr><th>run</th><th>Java</th><th>0</th><th>10<sup>6</sup></th><th>4&middot;10<sup>6</sup></th><th>never</th></tr>
 *   <tr><td>10<sup>7</sup>-row CSV, 5 regression losses, --no-contrib</td><td>17</td><td>2.44</td><td>2.43</td>
 *       <td>2.50</td><td>2.19</td></tr>
 *   <tr><td></td><td>25</td><td>2.21</td><td>2.55</td><td>2.59</td><td>1.90</td></tr>
 *   <tr><td>3&middot;10<sup>7</sup> rows of the same (stdin)</td><td>17</td><td>5.92</td><td></td><td></td>
 *       <td>5.11</td></tr>
 *   <tr><td></td><td>25</td><td>4.26</td><td></td><td></td><td>4.28</td></tr>
 *   <tr><td>2&middot;10<sup>6</sup>-row CSV, 10-class cross-entropy</td><td>17</td><td>3.95</td><td>4.20</td>
 *       <td></td><td>3.05</td></tr>
 *   <tr><td></td><td>25</td><td>4.39</td><td>4.57</td><td></td><td>3.16</td></tr>
 * </table>
 * On Java 17 the vector kernels lose more the more rows they see (0.25 s at 10<sup>7</sup> rows, 0.8 s at
 * 3&middot;10<sup>7</sup>): they are slower per row in a real run, not only while C2 compiles them. On Java 25
 * they catch up at about 3&middot;10<sup>7</sup> regression rows (a tie, no gain) and still lose 1.2 s on
 * cross-entropy. The reason is the same on both: the five regression losses cost a few nanoseconds a row
 * next to about 100 ns of parsing (JMH, {@code RegressionKernelBenchmark}: at most 2 ns a row saved once
 * compiled), which cannot repay loading {@code jdk.incubator.vector} (about 150 ms), compiling it, and its
 * boxed calls before that; and with the classification kernels' own {@code exp}/{@code log}, built from
 * FMA to match the scalar bits, cross-entropy runs took 0.9 s (17) and 1.2 s (25) more CPU, not less. So
 * {@link #NEVER} on both; later releases take Java 25's choice until measured. Until now the switch-over
 * was 4,000,000 rows on every release.
 *
 * <p>Thread-safe: the ranges of a split file ask from their own threads, and the rows they count add up to
 * the run's, so the vector kernels are used (and the report says so) exactly when the run has more rows than
 * the switch-over, whatever the thread count. One per evaluation.
 */
final class KernelChooser {
    /** The switch-over that keeps the scalar kernels for any row count. */
    static final long NEVER = Long.MAX_VALUE;
    /** The switch-over on Java 17 to 24 (measured on 17: the class comment). */
    static final long JAVA_17 = NEVER;
    /** The switch-over on Java 25 and later (measured on 25: the class comment). */
    static final long JAVA_25 = NEVER;
    /** Overrides {@link #vectorAfterRows(int)}, e.g. 0 to use the vector kernels from the first row (tests, benchmarks). */
    static final String PROPERTY = "losseval.vectorAfterRows";

    /*
     * This JVM's settings (its release, the property), not a run's data: transient, so an encoded part
     * (StateCodec, PartialRun) carries only the rows it counted and whether it used the vector kernels, and a
     * part decoded on another JVM, or under another -D, keeps the receiver's settings.
     */
    private final transient long vectorAfterRows;
    private final transient int feature;
    /** Rows asked for so far, by every thread (guarded by this). */
    private long rowsSeen;
    private boolean activeUsed;

    /** The chooser of this JVM: its Java release, and the property when it is set to a number. */
    KernelChooser() {
        this(Long.getLong(PROPERTY), Runtime.version().feature());
    }

    /**
     * @param override the rows before the vector kernels start, or null for the release's default
     * @param feature  the Java feature release, e.g. 17
     */
    KernelChooser(Long override, int feature) {
        this.feature = feature;
        this.vectorAfterRows = override != null ? override : vectorAfterRows(feature);
    }

    /**
     * The rows a run on this Java feature release reads with the scalar kernels before the vector ones take
     * over: {@link #JAVA_17} before Java 25, {@link #JAVA_25} from it (a release takes the choice of the newest
     * measured release at or below it).
     */
    static long vectorAfterRows(int feature) {
        return feature >= 25 ? JAVA_25 : JAVA_17;
    }

    /** The kernels for the next batch of {@code rows} rows. */
    synchronized BatchKernels next(int rows) {
        rowsSeen += rows;
        if (rowsSeen <= vectorAfterRows) return new BatchKernels(Kernels.scalar(), Kernels.scalarClassification());
        activeUsed = true;
        return new BatchKernels(Kernels.regression(), Kernels.classification());
    }

    /** Counts another part of the run's batches (a Spark partition's): the report names the vector kernels if any part used them. */
    synchronized void combine(KernelChooser other) {
        rowsSeen += other.rowsSeen;
        activeUsed |= other.activeUsed;
    }

    /**
     * What {@code --version} says: the kernels a long run uses on this JVM. The vector ones when they are
     * available and start after some number of rows; else the scalar ones, and why (the vector kernels are not
     * available, or not started on this release, with what they would be).
     */
    String plan() {
        RegressionKernels available = Kernels.regression();
        if (!Kernels.vectorActive()) return available.description();
        if (vectorAfterRows == NEVER) return slowerHere(", " + available.description() + ",");
        return available.description() + (vectorAfterRows == 0 ? "" : ", " + afterRows());
    }

    /** What the report says: the active kernels if any batch used them, else why the run stayed scalar. */
    synchronized String description() {
        if (activeUsed) return Kernels.regression().description();
        return vectorAfterRows == NEVER ? slowerHere("") : "scalar (the vector kernels start " + afterRows() + ")";
    }

    /**
     * Why a run stays scalar on this release, for {@link #plan} and {@link #description} alike: the vector
     * kernels, {@code named} after them ("" or ", their description,"), are slower here, and how to start them.
     */
    private String slowerHere(String named) {
        return "scalar (the vector kernels" + named + " are slower on Java " + feature + "; -D" + PROPERTY
                + "=N starts them after N rows)";
    }

    /** When the vector kernels start: "after N rows". */
    private String afterRows() {
        return "after " + vectorAfterRows + " rows";
    }

    /** The kernels of one batch. */
    record BatchKernels(RegressionKernels regression, ClassificationKernels classification) {}
}
