package org.mtan4j.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> COMMANDS = List.of("train", "validate", "plugins", "data", "report", "sweep", "predict");

    @Test
    void typosFindTheirName() {
        assertEquals(Optional.of("train"), Suggestions.closest("tran", COMMANDS), "a deletion");
        assertEquals(Optional.of("train"), Suggestions.closest("trian", COMMANDS), "a swap of neighbours is one edit");
        assertEquals(Optional.of("report"), Suggestions.closest("Reprot", COMMANDS), "case does not count");
        assertEquals(Optional.of("epochs"), Suggestions.closest("epoch", List.of("batch-size", "epochs", "eval-batch-size")));
    }

    @Test
    void otherWordsAndExactNamesGetNoSuggestion() {
        assertEquals(Optional.empty(), Suggestions.closest("foo", COMMANDS));
        assertEquals(Optional.empty(), Suggestions.closest("train", COMMANDS), "the name itself is no typo");
        assertEquals(Optional.empty(), Suggestions.closest("", COMMANDS));
        assertEquals("", Suggestions.hint("xyzzy", COMMANDS));
        assertEquals(" (did you mean 'sweep'?)", Suggestions.hint("swep", COMMANDS));
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "acb"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(2, Suggestions.distance("kitten", "sitten".replace('n', 'g')));
    }
}
