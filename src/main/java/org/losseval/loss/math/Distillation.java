package org.losseval.loss.math;

/**
 * Knowledge-distillation loss of one row (Hinton, Vinyals, Dean 2015, "Distilling the Knowledge in a
 * Neural Network"), in its usual PyTorch form
 * {@code α·F.cross_entropy(s, y) + (1 − α)·T²·F.kl_div(log_softmax(s/T), softmax(t/T))}:
 * <pre>
 *   loss = α·CE(student, y) + (1 − α)·T²·KL( softmax(teacher/T) ‖ softmax(student/T) )
 * </pre>
 * The T² keeps the soft term's gradient scale independent of the temperature. The CE term uses the
 * unscaled student logits; both log-softmaxes are computed stably ({@link LogSoftmax}), and a teacher
 * probability that underflows to 0 contributes 0. The mean is over rows (denominator 1), as with
 * {@code reduction='batchmean'}.
 */
public final class Distillation {
    private Distillation() {}

    /**
     * @param student     student logits, {@code student[c][row]}
     * @param teacher     teacher logits, {@code teacher[c][row]}, same number of classes
     * @param label       the hard label, in [0, C)
     * @param alpha       weight of the hard-label term, in [0, 1]
     * @param temperature T &gt; 0
     */
    public static double of(double[][] student, double[][] teacher, int row, int label, double alpha,
                            double temperature) {
        double hard = alpha == 0 ? 0 : alpha * CrossEntropy.fromLogits(student, row, label);
        if (alpha == 1) return hard;
        double scale = 1 / temperature;
        int ks = LogSoftmax.argmax(student, row);
        int kt = LogSoftmax.argmax(teacher, row);
        double restS = LogSoftmax.rest(student, row, ks, scale);
        double restT = LogSoftmax.rest(teacher, row, kt, scale);
        double kl = 0;
        for (int c = 0; c < student.length; c++) {
            double logP = LogSoftmax.logProbability(teacher, row, c, kt, restT, scale);
            double p = StrictMath.exp(logP);
            if (p != 0) kl += p * (logP - LogSoftmax.logProbability(student, row, c, ks, restS, scale));
        }
        return hard + (1 - alpha) * temperature * temperature * kl;
    }
}
