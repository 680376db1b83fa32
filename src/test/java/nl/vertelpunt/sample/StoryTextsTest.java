package nl.vertelpunt.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Synthetic story texts read like people: no sentence twice in a story, each role in its own voice (plain JUnit). */
class StoryTextsTest {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final List<String> ROLES = List.of("jongere", "ouder", "professional");

    @Test
    void shouldNeverRepeatASentenceWithinAStory() {
        SplittableRandom random = new SplittableRandom(16);
        int stories = 0;
        int longest = 0;
        for (String role : ROLES) {
            for (int i = 0; i < 30_000; i++) {
                // the whole range of valences, with the long stories that used to repeat themselves
                double valence = random.nextDouble() * 5 - 2.5;
                String text = StoryTexts.story(random, role, valence, false);
                String[] sentences = SENTENCE_END.split(text.strip());
                Set<String> seen = new HashSet<>();
                for (String sentence : sentences) {
                    assertThat(seen.add(sentence))
                            .as("'%s' twice in a story of a %s: %s", sentence, role, text)
                            .isTrue();
                }
                longest = Math.max(longest, sentences.length);
                stories++;
            }
        }
        assertThat(stories).isEqualTo(90_000);
        // the generator still writes long stories (opening, up to 7 sentences, a closing line, an afterthought)
        assertThat(longest).isGreaterThanOrEqualTo(9);
    }

    @Test
    void shouldLetEachRoleSpeakInItsOwnVoice() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            double valence = random.nextDouble() * 5 - 2.5;
            String youth = StoryTexts.story(random, "jongere", valence, false);
            String parent = StoryTexts.story(random, "ouder", valence, false);
            String professional = StoryTexts.story(random, "professional", valence, false);

            // a young person tells about themselves
            assertThat(youth).containsPattern("\\b(Ik|ik|me|mij|mijn|Mijn)\\b");
            assertThat(youth).doesNotContainPattern("(?i)\\b(onze zoon|onze dochter|de jongen|het meisje|ons kind)\\b");

            // a parent about their own child, the same son or daughter throughout
            assertThat(parent).containsPattern("(?i)\\bonze (zoon|dochter)\\b");
            assertThat(parent.toLowerCase().contains("onze zoon")
                            && parent.toLowerCase().contains("onze dochter"))
                    .as("one child: %s", parent)
                    .isFalse();
            // ("zijn" is also a verb, "wij zijn"; the pronouns tell)
            if (parent.toLowerCase().contains("onze dochter")) {
                assertThat(parent).doesNotContainPattern("\\bhij\\b");
            } else {
                assertThat(parent).doesNotContainPattern("\\b(zij|haar)\\b");
            }
            assertThat(parent).doesNotContainPattern("(?i)\\b(de jongen|het meisje|mijn begeleider)\\b");

            // a professional about the child and the family
            assertThat(professional).containsPattern("(?i)\\b(een|de) jongen\\b|\\b(een|het) meisje\\b");
            assertThat(professional).doesNotContainPattern("(?i)\\bonze (zoon|dochter)\\b");
            assertThat(professional)
                    .doesNotContainPattern("\\b(zij|haar)\\b.*\\bjongen\\b|\\bjongen\\b.*\\b(zij|haar)\\b");
        }
    }

    @Test
    void shouldWriteTheSameStoriesForTheSameSeed() {
        SplittableRandom a = new SplittableRandom(3);
        SplittableRandom b = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(StoryTexts.story(a, "ouder", -0.5, i % 10 == 0))
                    .isEqualTo(StoryTexts.story(b, "ouder", -0.5, i % 10 == 0));
        }
    }
}
