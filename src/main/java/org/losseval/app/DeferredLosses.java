package org.losseval.app;

import java.util.ArrayList;
import java.util.List;
import org.losseval.accumulate.LossState;
import org.losseval.accumulate.ResidualSample;
import org.losseval.io.InputException;
import org.losseval.kernel.ClassificationKernels;
import org.losseval.kernel.Kernels;
import org.losseval.kernel.RegressionKernels;
import org.losseval.loss.DeferredLoss;
import org.losseval.loss.LossInputs;
import org.losseval.loss.LossRequest;
import org.losseval.loss.ParamResolutionException;
import org.losseval.loss.RegressionLoss;
import org.losseval.loss.ResidualScale;
import org.losseval.loss.Role;
import org.losseval.loss.RowLoss;

/**
 * The losses of a run once the data has been read, deferred ones ({@code huber:delta=mad}) resolved.
 *
 * <p>A deferred loss's parameter comes from the data, so it cannot be computed while streaming: each input
 * keeps its residuals ({@link InputStates#residuals()}), the parameter is resolved once from the residuals
 * of all inputs pooled, and the loss is then computed over each input's residuals alike. The resolved loss
 * depends on the residual only, so it is evaluated as loss(r, 0), which equals loss(pred, target) because
 * r - 0 == r exactly.
 */
final class DeferredLosses {
    private final RunPlan plan;
    /** Per requested loss: the streamed loss, or the deferred one resolved. */
    private final List<RowLoss> resolved;

    private DeferredLosses(RunPlan plan, List<RowLoss> resolved) {
        this.plan = plan;
        this.resolved = resolved;
    }

    /**
     * Resolves each deferred loss over the residuals of all inputs.
     *
     * @throws InputException when the data gives no valid parameter (e.g. a MAD of 0)
     */
    static DeferredLosses resolve(RunPlan plan, List<InputStates> inputs) throws InputException {
        List<RowLoss> resolved = new ArrayList<>();
        ResidualScale scale = null;
        for (int l = 0; l < plan.streamed.size(); l++) {
            LossRequest requested = plan.request.losses().get(l);
            if (requested.loss() instanceof DeferredLoss deferred) {
                if (scale == null) scale = pooledScale(inputs, plan.request.weightColumn() != null);
                try {
                    resolved.add(deferred.resolve(scale));
                } catch (ParamResolutionException e) {
                    throw new InputException(null, 0, null, requested.loss().spec() + ": " + e.getMessage());
                }
            } else {
                resolved.add(plan.streamed.get(l));
            }
        }
        return new DeferredLosses(plan, resolved);
    }

    private static ResidualScale pooledScale(List<InputStates> inputs, boolean weighted) {
        ResidualSample all = new ResidualSample(weighted);
        for (InputStates input : inputs) all.combine(input.residuals());
        return all.result();
    }

    /** Requested loss {@code l}: as streamed, or resolved. */
    RowLoss loss(int l) { return resolved.get(l); }

    /** The state of loss {@code l} over one input: the streamed one, or computed now from its residuals. */
    LossState state(int l, InputStates input) {
        if (plan.streamed.get(l) != null) return input.lossState(l);
        RegressionLoss loss = (RegressionLoss) resolved.get(l);
        ResidualSample residuals = input.residuals();
        LossState state = new LossState(loss, residuals.weighted(), plan.exactBudgetBytes);
        double[] zeros = new double[ResidualSample.BLOCK];
        residuals.forEachBlock((r, w, n) -> state.accept(new ResidualRows(r, zeros, n), w));
        return state;
    }

    /** A block of residuals seen as predictions against targets of 0, with the scalar kernels. */
    private record ResidualRows(double[] residuals, double[] zeros, int size) implements LossInputs {
        @Override public boolean has(Role role) { return role == Role.PRED || role == Role.TARGET; }

        @Override
        public double[] column(Role role) {
            return switch (role) {
                case PRED -> residuals;
                case TARGET -> zeros;
                default -> throw new IllegalStateException(role + " is not kept for a deferred loss");
            };
        }

        @Override public double[][] group(Role role) { return new double[][] {column(role)}; }

        @Override public RegressionKernels kernels() { return Kernels.scalar(); }

        @Override public ClassificationKernels classificationKernels() { return Kernels.scalarClassification(); }
    }
}
