package org.losseval.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the description of the vector kernels, "vector (256-bit, 4 doubles)". The width is the machine's
 * (128, 256 or 512 bits), so the text is matched whole against that pattern rather than compared.
 */
public final class VectorDescriptions {
    private static final Pattern VECTOR = Pattern.compile("vector \\((128|256|512)-bit, (2|4|8) doubles\\)");

    private VectorDescriptions() {}

    public static void assertVector(String description) {
        Matcher matcher = VECTOR.matcher(description);
        assertTrue(matcher.matches(), description);
        assertEquals(Integer.parseInt(matcher.group(1)), 64 * Integer.parseInt(matcher.group(2)), description);
    }
}
