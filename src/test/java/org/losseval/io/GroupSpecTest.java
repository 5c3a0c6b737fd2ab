package org.losseval.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parts of {@link GroupSpec} that need no file: glob matching and range expansion. Errors and the
 * other forms are tested through real CSV files in {@link CsvGroupsTest}.
 */
class GroupSpecTest {
    private static final String FILE = "f.csv";

    /** Expected values: Python 3's {@code fnmatch.fnmatchcase(name, glob)} on each pair (case-sensitive, no [..]). */
    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            logit_* | logit_0   | true
            logit_* | logit_    | true
            logit_* | logits_0  | false
            logit_* | Logit_0   | false
            emb_?   | emb_1     | true
            emb_?   | emb_10    | false
            emb_?   | emb_      | false
            *       | ""        | true
            *       | anything  | true
            a*b*c   | axxbyyc   | true
            a*b*c   | abcb      | false
            *ab     | aab       | true
            *a*     | bbb       | false
            ?       | ""        | false
            a?c     | abc       | true
            a?c     | ac        | false
            **x     | x         | true
            p*_prob | p3_prob   | true
            p*_prob | p3_prob_x | false
            a*a*a   | aaa       | true
            a*a*a   | aa        | false
            """)
    void globMatchesAsFnmatch(String glob, String name, boolean matches) {
        assertEquals(matches, GroupSpec.globMatches(glob, name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            l0..l3     | l0 l1 l2 l3
            l00..l03   | l00 l01 l02 l03
            l08..l11   | l08 l09 l10 l11
            l8..l11    | l8 l9 l10 l11
            p_1..p_1   | p_1
            0..2       | 0 1 2
            l1 .. l2   | l1 l2
            """)
    void rangesExpandWithTheirEndsPadding(String spec, String expected) throws InputException {
        List<String> members = List.of(expected.split(" "));
        // The input holds the members plus decoys that a wrong padding would pick instead.
        List<String> available = new ArrayList<>(members);
        available.addAll(List.of("l000", "l01x", "l9", "x"));

        assertEquals(members, GroupSpec.resolve(FILE, spec, available));
    }
}
