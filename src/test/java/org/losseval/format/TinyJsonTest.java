package org.losseval.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser must reject what a JSON reader rejects, or the JSON tests could not fail. */
class TinyJsonTest {
    @Test
    void parsesNestedValues() {
        Object parsed = TinyJson.parse(" {\"a\": [1, -2.5e+3, \"x\\u00e9\\n\"], \"b\": null, \"c\": {}} ");
        Map<?, ?> object = (Map<?, ?>) parsed;
        assertEquals(List.of(new TinyJson.Num("1"), new TinyJson.Num("-2.5e+3"), "xé\n"), object.get("a"));
        assertNull(object.get("b"));
        assertEquals(Map.of(), object.get("c"));
    }

    @Test
    void rejectsWhatJsonForbids() {
        for (String bad : List.of("NaN", "inf", "01", "1.", ".5", "+1", "[1,]", "{\"a\":1,}", "{\"a\":1,\"a\":2}",
                "\"tab\there\"", "\"\\x\"", "{} {}", "'s'", "[1 2]")) {
            assertThrows(IllegalArgumentException.class, () -> TinyJson.parse(bad), bad);
        }
    }
}
