package nl.vertelpunt.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counting stories per word in two groups. Plain JUnit. */
class WordCountsTest {

    // forms 1 "wachten" and 2 "wacht" share stem 0; form 3 "hulp" has stem 1
    private static final KeywordIndex.Vocabulary VOCABULARY = new KeywordIndex.Vocabulary(
            new String[] {null, "wachten", "wacht", "hulp"}, new int[] {0, 0, 0, 1}, new String[] {"wacht", "hulp"});

    @Test
    void shouldCountAStoryOncePerStemHoweverManyOfItsFormsItUses() {
        WordCounts c = new WordCounts(VOCABULARY);
        assertThat(c.add(new int[] {1, 2, -3}, true)).isTrue();
        assertThat(c.add(new int[] {2}, true)).isTrue();
        assertThat(c.add(new int[] {3}, false)).isTrue();
        assertThat(c.focus(0)).isEqualTo(2);
        assertThat(c.focus(1)).isEqualTo(1); // inside a compound counts
        assertThat(c.reference(1)).isEqualTo(1);
        assertThat(c.reference(0)).isZero();
    }

    @Test
    void shouldShowTheFormWrittenInMostStoriesAndNoStemOnlyInsideCompounds() {
        WordCounts c = new WordCounts(VOCABULARY);
        c.add(new int[] {1, -3}, true);
        c.add(new int[] {2}, false);
        c.add(new int[] {2}, true);
        String[] shown = c.surfaceForms(VOCABULARY);
        assertThat(shown[0]).isEqualTo("wacht");
        assertThat(shown[1]).isNull();
    }

    @Test
    void shouldRefuseAStoryWithAFormItDoesNotKnowAndCountItWithALargerVocabulary() {
        WordCounts c = new WordCounts(VOCABULARY);
        assertThat(c.add(new int[] {1, 4}, true)).isFalse();
        assertThat(c.focus(0)).isZero();
        KeywordIndex.Vocabulary larger = new KeywordIndex.Vocabulary(
                new String[] {null, "wachten", "wacht", "hulp", "school"},
                new int[] {0, 0, 0, 1, 2},
                new String[] {"wacht", "hulp", "school"});
        c.with(larger);
        assertThat(c.add(new int[] {1, 4}, true)).isTrue();
        assertThat(c.focus(2)).isEqualTo(1);
    }

    @Test
    void shouldParsePostgresIntegerArrays() {
        assertThat(KeywordService.parse("{}")).isEmpty();
        assertThat(KeywordService.parse("{7}")).containsExactly(7);
        assertThat(KeywordService.parse("{1,-22,303}")).containsExactly(1, -22, 303);
    }
}
