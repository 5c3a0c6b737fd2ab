package org.losseval.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.losseval.text.Numbers;

class LossSpecsTest {

    private static final LossRegistry REGISTRY = LossRegistry.builtIn();
    private static final String LOSS_LIST = "losses are: mse, rmse, mae, huber, smooth_l1, log_cosh, pinball, mape, msle,"
            + " r2, explained_variance, bias, max_error, medae, smape, poisson, gamma, tweedie, gaussian_nll,"
            + " bce, focal, zero_one, ece, hinge, squared_hinge, brier, ce, kl, focal_multiclass, multi_margin, distillation,"
            + " contrastive, triplet, infonce";

    private static List<LossRequest> parse(String... values) throws LossSpecException {
        return LossSpecs.parse(List.of(values), REGISTRY);
    }

    private static List<String> specs(String... values) throws LossSpecException {
        List<String> out = new ArrayList<>();
        for (LossRequest r : parse(values)) out.add((r.label() == null ? "" : r.label() + "=") + r.loss().spec());
        return out;
    }

    private static String error(String... values) {
        return assertThrows(LossSpecException.class, () -> parse(values)).getMessage();
    }

    @Test
    void commaListsWithParameters() throws LossSpecException {
        assertEquals(List.of("mse", "huber:delta=2", "mae"), specs("mse,huber:delta=2,mae"));
        assertEquals(List.of("mse", "pinball:q=0.9", "mae"), specs("mse", "pinball:q=0.9", "mae"));
        assertEquals(List.of("pinball:q=0.1", "pinball:q=0.9"), specs("pinball:q=0.1,pinball:q=0.9"));
        // a key=value token without ':' continues the item before it
        assertEquals(List.of("huber:delta=2"), specs("huber,delta=2"));
        assertEquals(List.of("huber:delta=2", "mae"), specs(" huber : delta = 2 , mae "));
    }

    @Test
    void parameterValuesAreResolvedWithDefaultsInDefinitionOrder() throws LossSpecException {
        Loss huber = parse("huber:delta=15").get(0).loss();
        assertInstanceOf(Huber.class, huber);
        assertEquals(Map.of("delta", 15.0), huber.params());
        assertEquals(Map.of("delta", 1.0), parse("huber").get(0).loss().params());
        assertEquals(Map.of("q", 0.5), parse("quantile").get(0).loss().params());
        assertEquals(Map.of("beta", 0.0), parse("smooth_l1:beta=0").get(0).loss().params());
        assertEquals(Map.of(), parse("mse").get(0).loss().params());
    }

    @Test
    void labels() throws LossSpecException {
        List<LossRequest> requests = parse("robust=huber:delta=2,plain=mse,mae");
        assertEquals("robust", requests.get(0).label());
        assertEquals("huber:delta=2", requests.get(0).loss().spec());
        assertEquals("plain", requests.get(1).label());   // '=' without ':' and a loss name: a label
        assertEquals("mse", requests.get(1).loss().spec());
        assertNull(requests.get(2).label());
        assertEquals(List.of("p90=pinball:q=0.9", "p_10.b-2=pinball:q=0.1"), specs("p90=quantile:q=0.9", "p_10.b-2=pinball:q=0.1"));
        // the same loss twice under different labels is allowed
        assertEquals(List.of("a=mse", "b=mse"), specs("a=mse,b=mse"));
    }

    @Test
    void aliasesNormalizeToTheCanonicalName() throws LossSpecException {
        assertEquals(List.of("mae", "pinball:q=0.9"), specs("l1,quantile:q=0.9"));
        assertEquals("mae", parse("l1").get(0).loss().name());
    }

    @Test
    void deferredWord() throws LossSpecException {
        Loss loss = parse("huber:delta=mad").get(0).loss();
        assertInstanceOf(HuberAtMad.class, loss);
        assertEquals("huber:delta=mad", loss.spec());
        assertTrue(Double.isNaN(loss.params().get("delta")));
        assertEquals(List.of("huber:delta=mad", "mse"), specs("huber,delta=mad,mse"));
        assertEquals("pinball: q must be a number, got 'mad'", error("pinball:q=mad"));
    }

    @Test
    void unknownLossListsTheLosses() {
        assertEquals("unknown loss 'hubr' (did you mean 'huber'?); " + LOSS_LIST, error("hubr"));
        assertEquals("unknown loss 'MSE' (did you mean 'mse'? names are lowercase); " + LOSS_LIST, error("mse,MSE"));
        assertEquals("unknown loss 'Huber' (did you mean 'huber'? names are lowercase); " + LOSS_LIST, error("Huber"));
        assertEquals("unknown loss 'quantle' (did you mean 'quantile'?); " + LOSS_LIST, error("quantle:q=0.2"));
        assertEquals("unknown loss 'zzzzzzzz'; " + LOSS_LIST, error("zzzzzzzz"));
    }

    @Test
    void unknownParameterListsTheParameters() {
        assertEquals("huber has no parameter 'detla' (did you mean 'delta'?); its parameters are: delta",
                error("huber:detla=2"));
        assertEquals("huber has no parameter 'detla' (did you mean 'delta'?); its parameters are: delta",
                error("huber:delta=2,detla=3"));
        assertEquals("mse has no parameter 'q'; it takes no parameters", error("mse:q=0.5"));
        assertEquals("mae has no parameter 'q'; it takes no parameters", error("l1,q=0.5"));
    }

    @Test
    void valuesOutsideTheDomain() {
        assertEquals("huber: delta must be > 0, got -1", error("huber:delta=-1"));
        assertEquals("huber: delta must be > 0, got 0", error("huber:delta=0"));
        assertEquals("smooth_l1: beta must be >= 0, got -0.5", error("smooth_l1:beta=-0.5"));
        assertEquals("pinball: q must be in (0, 1), got 1", error("pinball:q=1"));
        assertEquals("pinball: q must be in (0, 1), got 0", error("quantile:q=0"));
        assertEquals("huber: delta must be a number or 'mad', got 'x'", error("huber:delta=x"));
        assertEquals("huber: delta must be a number or 'mad', got ''", error("huber:delta="));
        assertEquals("huber: delta must be a finite number, got 'NaN'", error("huber:delta=NaN"));
        assertEquals("huber: delta must be a finite number, got 'Infinity'", error("huber:delta=Infinity"));
        assertEquals("huber: delta must be a finite number, got '1e999'", error("huber:delta=1e999"));
        assertEquals("huber: delta must be a number or 'mad', got 'MAD'", error("huber:delta=MAD"));
    }

    @Test
    void numbersAreWhatParseDoubleAccepts() throws LossSpecException {
        assertEquals(Map.of("delta", 1500.0), parse("huber:delta=1.5e3").get(0).loss().params());
        assertEquals(Map.of("delta", 8.0), parse("huber:delta=0x1p3").get(0).loss().params());
        assertEquals(Map.of("q", 0.25), parse("pinball:q=.25").get(0).loss().params());
    }

    @Test
    void duplicateParameterIsAnError() {
        assertEquals("pinball: parameter 'q' given twice; for two losses write pinball:q=0.1,pinball:q=0.9",
                error("pinball:q=0.1,q=0.9"));
    }

    @Test
    void sameLossTwiceIsAnError() {
        assertEquals("loss 'mse' given twice", error("mse,mse"));
        assertEquals("loss 'mse' given twice", error("mse", "mse"));
        assertEquals("loss 'mae' given twice", error("mae,l1"));
        assertEquals("loss 'huber' given twice", error("huber,huber:delta=1"));
        assertEquals("'a' names two losses; give each loss a different label", error("a=mse,a=mae"));
        assertEquals("'mse' names two losses; give each loss a different label", error("mse,mse=mae"));
    }

    @Test
    void malformedSpecs() {
        assertEquals("empty item in loss spec 'mse,,mae'; separate losses by single commas", error("mse,,mae"));
        assertEquals("empty item in loss spec 'mse,'; separate losses by single commas", error("mse,"));
        assertEquals("empty loss spec; write name or name:key=value, e.g. huber:delta=2", error(" "));
        assertEquals("'delta=2' is a parameter but no loss comes before it; write name:delta=2", error("delta=2"));
        assertEquals("huber: expected key=value after ':', got 'delta'; its parameters are: delta", error("huber:delta"));
        assertEquals("huber: expected key=value after ':', got ''; its parameters are: delta", error("huber:"));
        assertEquals("invalid label '9a' in '9a=mse': a label starts with a letter or '_' and has only letters,"
                + " digits, '_', '.' and '-'", error("9a=mse"));
        assertEquals("missing loss name in 'a='; " + LOSS_LIST, error("a="));
        assertEquals("unknown loss 'bogus'; " + LOSS_LIST, error("mse,x=bogus"));
    }

    @Test
    void errorMessagesAreOneLineEach() {
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("hubr", "unknown loss 'hubr' (did you mean 'huber'?); " + LOSS_LIST);
        messages.put("huber:detla=1", "huber has no parameter 'detla' (did you mean 'delta'?); its parameters are: delta");
        messages.put("huber:delta=-1", "huber: delta must be > 0, got -1");
        messages.put("pinball:q=0.1,q=0.9",
                "pinball: parameter 'q' given twice; for two losses write pinball:q=0.1,pinball:q=0.9");
        messages.put("mse,mse", "loss 'mse' given twice");
        messages.put("mse,,mae", "empty item in loss spec 'mse,,mae'; separate losses by single commas");
        messages.put("9a=mse", "invalid label '9a' in '9a=mse': a label starts with a letter or '_' and has only"
                + " letters, digits, '_', '.' and '-'");
        messages.put("huber:delta=x", "huber: delta must be a number or 'mad', got 'x'");
        messages.forEach((bad, message) -> assertEquals(message, error(bad), bad));
    }

    @Test
    void normalizeWritesOnlyNonDefaultsShortest() {
        LossDefinition huber = Huber.DEFINITION;
        assertEquals("huber", LossSpecs.normalize(huber, Map.of("delta", 1.0)));
        assertEquals("huber:delta=15", LossSpecs.normalize(huber, Map.of("delta", 15.0)));
        assertEquals("huber:delta=0.9", LossSpecs.normalize(huber, Map.of("delta", 0.9)));
        assertEquals("huber:delta=1e-05", LossSpecs.normalize(huber, Map.of("delta", 1e-5)));
        assertEquals("huber:delta=1e-300", LossSpecs.normalize(huber, Map.of("delta", 1e-300)));
        assertEquals("huber:delta=1.5e+300", LossSpecs.normalize(huber, Map.of("delta", 1.5e300)));
        assertEquals("huber:delta=mad", LossSpecs.normalize(huber, Map.of("delta", Double.NaN)));
        assertEquals("pinball:q=0.1", LossSpecs.normalize(Pinball.DEFINITION, Map.of("q", 0.1)));
        assertEquals("mse", LossSpecs.normalize(Mse.DEFINITION, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LossSpecs.normalize(Pinball.DEFINITION, Map.of("q", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> LossSpecs.normalize(huber, Map.of()));
    }

    @Test
    void normalizeListsEveryNonDefaultInDefinitionOrder() {
        LossDefinition two = new LossDefinition("two", List.of(), "", "", "",
                List.of(new ParamDefinition("b", 1, "> 0", v -> v > 0, null, ""),
                        new ParamDefinition("a", 2, "> 0", v -> v > 0, null, "")),
                List.of(List.of(Role.PRED, Role.TARGET)), p -> null);
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("a", 3.0);
        params.put("b", 4.0);
        assertEquals("two:b=4,a=3", LossSpecs.normalize(two, params));
    }

    @Test
    void specNumbersAreWrittenByTheOneNumberFormatter() throws LossSpecException {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double v = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);  // any positive double
            if (!Double.isFinite(v) || v == 0) continue;
            String spec = parse("huber:delta=" + v).get(0).loss().spec();
            assertEquals("huber:delta=" + Numbers.exact(v), spec);
            assertEquals(v, Double.parseDouble(spec.substring("huber:delta=".length())), spec);
        }
        // On JDK 17 Double.toString(1e23) is 9.999999999999999E22; the spec must not depend on it.
        assertEquals("huber:delta=1e+23", parse("huber:delta=1e23").get(0).loss().spec());
        assertEquals("huber:delta=15", parse("huber:delta=15.0").get(0).loss().spec());
    }

    @Test
    void normalizedSpecsParseBackToTheSameLoss() throws LossSpecException {
        for (String spec : List.of("mse", "huber:delta=0.1", "huber:delta=mad", "smooth_l1:beta=0",
                "pinball:q=0.999", "huber:delta=3e-200")) {
            Loss loss = parse(spec).get(0).loss();
            Loss again = parse(loss.spec()).get(0).loss();
            assertEquals(loss, again, spec);
            assertEquals(spec, again.spec());
        }
    }

    @Test
    void bracketListsAreOneParameter() throws LossSpecException {
        assertEquals(List.of("ce:label_smoothing=0.1,weight=[1,2,0.5]"), specs("ce:weight=[1,2,0.5],label_smoothing=0.1"));
        assertEquals(List.of("mse", "ce:weight=[1,2]", "mae"), specs("mse,ce:weight=[1,2],mae"));
        assertEquals(List.of("ce:weight=[1,2]"), specs("ce,weight=[ 1 , 2 ]"));
        assertEquals(List.of("w=ce:weight=[0.5,0.5]"), specs("w=ce:weight=[.5,5e-1]"));
        Loss ce = parse("ce:weight=[1,2,0.5],label_smoothing=0.1").get(0).loss();
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("label_smoothing", 0.1);
        expected.put("weight[0]", 1.0);
        expected.put("weight[1]", 2.0);
        expected.put("weight[2]", 0.5);
        expected.put("ignore_index", -100.0);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(ce.params().entrySet()));
        // absent means no class weights: no entries at all
        assertEquals(Map.of("label_smoothing", 0.0, "ignore_index", -100.0), parse("ce").get(0).loss().params());
        // two class-weight lists are two losses
        assertEquals(List.of("ce:weight=[1,2]", "ce:weight=[2,1]"), specs("ce:weight=[1,2],ce:weight=[2,1]"));
    }

    @Test
    void malformedLists() {
        assertEquals("ce: weight must be a list in brackets, e.g. weight=[1,2,0.5], got '1'", error("ce:weight=1"));
        assertEquals("ce: weight must hold at least one number, got '[ ]'", error("ce:weight=[ ]"));
        assertEquals("ce: weight[1] must be >= 0, got -2", error("ce:weight=[1,-2]"));
        assertEquals("ce: weight[1] must be a number, got 'x' in [1,x]", error("ce:weight=[1,x]"));
        assertEquals("ce: weight[1] must be a number, got '' in [1,]", error("ce:weight=[1,]"));
        assertEquals("ce: weight[0] must be a finite number, got 'NaN'", error("ce:weight=[NaN]"));
        assertEquals("'[' without ']' in loss spec 'ce:weight=[1,2'", error("ce:weight=[1,2"));
        assertEquals("']' without '[' in loss spec 'ce:weight=1,2]'", error("ce:weight=1,2]"));
        assertEquals("nested '[' in loss spec 'ce:weight=[[1]]'; a list holds numbers", error("ce:weight=[[1]]"));
        assertEquals("ce: label_smoothing must be one number, not a list, got '[0.1]'", error("ce:label_smoothing=[0.1]"));
        assertEquals("'weight=[1,2]' is a parameter but no loss comes before it; write name:weight=[1,2]",
                error("weight=[1,2]"));
        assertEquals("ce: parameter 'weight' given twice; for two losses write ce:weight=[1],ce:weight=[2]",
                error("ce:weight=[1],weight=[2]"));
    }

    @Test
    void integerParametersRejectFractions() throws LossSpecException {
        assertEquals(List.of("ce:ignore_index=-1"), specs("ce:ignore_index=-1"));
        assertEquals(List.of("ce:ignore_index=3"), specs("ce:ignore_index=3.0"));
        assertEquals("ce: ignore_index must be an integer, got 1.5", error("ce:ignore_index=1.5"));
        assertEquals("ce: ignore_index must be an integer, got 1e10", error("ce:ignore_index=1e10"));
        assertEquals(List.of("multi_margin:p=2"), specs("multi_margin:p=2"));
        assertEquals("multi_margin: p must be an integer, got 1.5", error("multi_margin:p=1.5"));
        assertEquals("multi_margin: p must be 1 or 2, got 3", error("multi_margin:p=3"));
    }

    @Test
    void classificationDomains() {
        assertEquals("triplet: swap must be 0 or 1, got 0.5", error("triplet:swap=0.5"));
        assertEquals("contrastive: similar must be 0 or 1, got 2", error("contrastive:similar=2"));
        assertEquals("focal: alpha must be in [0, 1] or -1, got -0.5", error("focal:alpha=-0.5"));
        assertEquals("focal: gamma must be >= 0, got -1", error("focal:gamma=-1"));
        assertEquals("bce: pos_weight must be > 0, got 0", error("bce:pos_weight=0"));
        assertEquals("ce: label_smoothing must be in [0, 1], got 1.5", error("ce:label_smoothing=1.5"));
        assertEquals("distillation: T must be > 0, got 0", error("distillation:T=0"));
        assertEquals("infonce: temperature must be > 0, got -0.1", error("infonce:temperature=-0.1"));
    }

    @Test
    void classificationSpecsParseBackToTheSameSpec() throws LossSpecException {
        for (String spec : List.of("bce", "bce:pos_weight=3", "focal:gamma=0,alpha=-1", "hinge", "squared_hinge", "brier",
                "ce:label_smoothing=0.1,weight=[1,2,0.5],ignore_index=0", "kl", "focal_multiclass:alpha=[0.25,0.75]",
                "multi_margin:p=2,margin=0.5,weight=[1,1e-300]", "distillation:T=4,alpha=0.1",
                "contrastive:margin=2,similar=1", "triplet:margin=0.2,p=1,eps=0,swap=1", "infonce:temperature=0.07")) {
            Loss loss = parse(spec).get(0).loss();
            assertEquals(spec, loss.spec());
            Loss again = parse(loss.spec()).get(0).loss();
            assertEquals(loss.params(), again.params(), spec);
        }
    }
}
