package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LossRegistryTest {

    private static final LossRegistry REGISTRY = LossRegistry.builtIn();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    @Test
    void listsTheLossesInOrder() {
        assertEquals(List.of("mse", "rmse", "mae", "huber", "smooth_l1", "log_cosh", "pinball", "mape", "msle",
                "r2", "explained_variance", "bias", "max_error", "medae", "smape", "poisson", "gamma", "tweedie",
                "gaussian_nll",
                "bce", "focal", "zero_one", "ece", "hinge", "squared_hinge", "brier",
                "ce", "kl", "focal_multiclass", "multi_margin", "distillation",
                "contrastive", "triplet", "infonce"), REGISTRY.names());
        assertSame(REGISTRY, LossRegistry.builtIn());
    }

    @Test
    void namesAndAliasesAreUniqueLowercaseAndResolve() {
        Set<String> seen = new HashSet<>();
        for (LossDefinition d : REGISTRY.definitions()) {
            assertTrue(NAME.matcher(d.name()).matches(), d.name());
            assertTrue(seen.add(d.name()), d.name());
            assertSame(d, REGISTRY.find(d.name()));
            for (String alias : d.aliases()) {
                assertTrue(NAME.matcher(alias).matches(), alias);
                assertTrue(seen.add(alias), alias);
                assertSame(d, REGISTRY.find(alias));
            }
        }
        assertEquals("mae", REGISTRY.find("l1").name());
        assertEquals("pinball", REGISTRY.find("quantile").name());
        assertNull(REGISTRY.find("MSE"));
    }

    @Test
    void everyDefinitionIsDocumentedAndBuildsWithItsDefaults() {
        for (LossDefinition d : REGISTRY.definitions()) {
            assertFalse(d.summary().isBlank(), d.name());
            assertFalse(d.formula().isBlank(), d.name());
            assertFalse(d.convention().isBlank(), d.name());
            assertFalse(d.inputForms().isEmpty(), d.name());
            for (List<Role> form : d.inputForms()) assertEquals(Set.copyOf(form).size(), form.size(), d.name());
            assertEquals(Set.copyOf(d.inputForms()).size(), d.inputForms().size(), d.name() + " forms unique");
            Map<String, Double> defaults = RegressionLossReferenceTest.defaults(d);
            Loss loss = d.factory().apply(defaults);
            assertNotNull(loss, d.name());
            assertTrue(loss instanceof RowLoss || loss instanceof DeferredLoss, d.name());
            if (loss instanceof RegressionLoss) {
                assertEquals(List.of(List.of(Role.PRED, Role.TARGET)), d.inputForms(), d.name());
            }
            assertSame(d, loss.definition(), d.name());
            assertEquals(d.name(), loss.name());
            assertEquals(defaults, loss.params(), d.name());
            assertEquals(List.copyOf(defaults.keySet()), List.copyOf(loss.params().keySet()), d.name() + " order");
            assertEquals(d.name(), loss.spec(), d.name());
            Set<String> paramNames = new HashSet<>();
            for (ParamDefinition p : d.params()) {
                assertTrue(paramNames.add(p.name()), d.name() + "." + p.name() + " unique");
                assertTrue(p.list() || p.isValid().test(p.defaultValue()), d.name() + "." + p.name() + " default in domain");
                assertTrue(!p.integer() || p.defaultValue() == Math.rint(p.defaultValue()), d.name() + "." + p.name());
                assertFalse(p.isValid().test(Double.NaN), d.name() + "." + p.name() + " rejects NaN");
                assertFalse(p.description().isBlank(), d.name() + "." + p.name());
                assertFalse(p.domain().isBlank(), d.name() + "." + p.name());
            }
        }
    }

    @Test
    void duplicateNamesAreRejected() {
        LossDefinition l1 = new LossDefinition("l1", List.of(), "", "", "", List.of(), List.of(List.of(Role.PRED)), p -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LossRegistry(List.of(Mae.DEFINITION, l1)));
        assertEquals("loss name 'l1' is used twice", e.getMessage());
    }

    @Test
    void constructorsCheckTheirDomains() {
        assertThrows(IllegalArgumentException.class, () -> new Huber(0));
        assertThrows(IllegalArgumentException.class, () -> new Huber(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new SmoothL1(-1));
        assertThrows(IllegalArgumentException.class, () -> new Pinball(1));
        assertThrows(IllegalArgumentException.class, () -> new Pinball(Double.NaN));
        assertEquals("pinball: q must be in (0, 1), got 0",
                assertThrows(IllegalArgumentException.class, () -> new Pinball(0)).getMessage());
    }
}
