package org.mtan4j.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemListTest {

    private static List<String> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> "k" + i).toList();
    }

    @Test
    void shortListsStayWhole() {
        assertEquals("k0, k1, k2", ProblemList.join(items(3), ", "));
        assertEquals(items(10), ProblemList.capped(items(10)));
    }

    @Test
    void longListsShowTheFirstTenAndHowManyMore() {
        assertEquals("k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, and 158 more", ProblemList.join(items(168), ", "));
        List<String> capped = ProblemList.capped(items(11));
        assertEquals(11, capped.size());
        assertEquals("and 1 more", capped.get(10));
    }
}
