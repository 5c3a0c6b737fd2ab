package org.losseval.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CodeMap} against a {@link HashMap} handing out codes in order of first appearance. */
class CodeMapTest {
    @Test
    void agreesWithAHashMapOverGrowthAndCollidingKeys() {
        Random random = new Random(5);
        CodeMap map = new CodeMap();
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // Small keys, keys far apart in the high bits, and their negatives: all must stay distinct.
            long key = switch (i % 3) {
                case 0 -> random.nextInt(5000);
                case 1 -> (long) random.nextInt(5000) << 40;
                default -> -random.nextInt(5000) - 1L;
            };
            int expected = reference.computeIfAbsent(key, k -> reference.size());
            assertEquals(expected, map.codeOf(key));
            assertEquals(expected, map.get(key));
        }
        assertEquals(reference.size(), map.size());
        assertEquals(-1, map.get(1L << 62));
    }
}
