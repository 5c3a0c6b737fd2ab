package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HuberAtMadTest {

    private static DeferredLoss parse() throws LossSpecException {
        return (DeferredLoss) LossSpecs.parse(List.of("huber:delta=mad"), LossRegistry.builtIn()).get(0).loss();
    }

    @Test
    void resolvesToHuberWithTheMad() throws LossSpecException {
        DeferredLoss deferred = parse();
        assertEquals("delta", deferred.deferredParam());
        RegressionLoss resolved = deferred.resolve(new ResidualScale(3.0, 10.0));
        assertEquals(new Huber(10.0), resolved);
        assertEquals("huber:delta=10", resolved.spec());
        // the seed's houses: residuals 10, -10, 220 have median 10 and MAD median(0, 20, 210) = 20
        assertEquals(0.5 * 10 * 10, resolved.rowLoss(210, 200));
        assertEquals(20.0 * (220 - 0.5 * 20), deferred.resolve(new ResidualScale(10, 20)).rowLoss(400, 180));
    }

    @Test
    void aMadOfZeroIsADataErrorThatSaysWhatToDo() throws LossSpecException {
        ParamResolutionException e = assertThrows(ParamResolutionException.class,
                () -> parse().resolve(new ResidualScale(0.0, 0.0)));
        assertEquals("the median absolute deviation of the residuals is 0 (at least half of the"
                + " rows have the same residual), so it cannot be used as delta; give delta as a number,"
                + " e.g. huber:delta=1", e.getMessage());
        assertThrows(ParamResolutionException.class, () -> parse().resolve(new ResidualScale(0.0, Double.NaN)));
        assertThrows(ParamResolutionException.class,
                () -> parse().resolve(new ResidualScale(0.0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void theSmallestPositiveMadStillResolves() throws LossSpecException {
        assertEquals(new Huber(Double.MIN_VALUE), parse().resolve(new ResidualScale(0.0, Double.MIN_VALUE)));
    }
}
