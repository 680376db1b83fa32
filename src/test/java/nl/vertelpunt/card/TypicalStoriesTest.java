package nl.vertelpunt.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vertelpunt.card.TypicalStories.Candidate;
import org.junit.jupiter.api.Test;

/** Choosing typical stories: plain JUnit, no database. */
class TypicalStoriesTest {

    private static long next = 1;

    private static Candidate story(String group, String role, int words, double distance) {
        long pk = next++;
        return new Candidate(pk, "s" + pk, group, role, words, distance, true, false, false);
    }

    private static Candidate flagged(String group, double distance) {
        long pk = next++;
        return new Candidate(pk, "f" + pk, group, "ouder", 80, distance, true, true, false);
    }

    private static Candidate hidden(String group, double distance) {
        long pk = next++;
        return new Candidate(pk, "h" + pk, group, "ouder", 80, distance, true, false, true);
    }

    private static Candidate incomplete(String group, double distance) {
        long pk = next++;
        return new Candidate(pk, "i" + pk, group, "ouder", 3, distance, false, false, false);
    }

    @Test
    void shouldNeverChooseAFlaggedHiddenOrIncompleteStoryEvenWhenItIsTheMostTypical() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            candidates.add(flagged("low", 0));
            candidates.add(hidden("low", 0));
            candidates.add(incomplete("high", 0));
        }
        candidates.add(story("low", "ouder", 40, 30));
        candidates.add(story("high", "jongere", 200, 25));
        List<Candidate> chosen = TypicalStories.choose(candidates, List.of("low", "high"), 3);
        assertThat(chosen)
                .extracting(Candidate::id)
                .allMatch(id -> id.startsWith("s"))
                .hasSize(2);
    }

    @Test
    void shouldRepresentEveryGroupTakingTurns() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(story("low", "ouder", 60, i));
        }
        candidates.add(story("high", "ouder", 60, 50));
        List<Candidate> chosen = TypicalStories.choose(candidates, List.of("low", "high"), 2);
        assertThat(chosen).extracting(Candidate::group).containsExactly("low", "high", "low");
        assertThat(TypicalStories.choose(candidates, List.of("high", "low"), 1))
                .extracting(Candidate::group)
                .containsExactly("high", "low");
    }

    @Test
    void shouldVaryRoleAndLengthAmongTheMostTypical() {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(story("low", "ouder", 60, 0));
        candidates.add(story("low", "ouder", 60, 1));
        candidates.add(story("low", "ouder", 70, 2));
        candidates.add(story("low", "jongere", 30, 3));
        candidates.add(story("low", "professional", 300, 4));
        List<Candidate> chosen = TypicalStories.choose(candidates, List.of("low"), 3);
        assertThat(chosen.stream().map(Candidate::role).collect(Collectors.toSet()))
                .isEqualTo(Set.of("ouder", "jongere", "professional"));
        assertThat(chosen.stream()
                        .map(c -> TypicalStories.lengthClass(c.words()))
                        .collect(Collectors.toSet()))
                .hasSize(3);
        // the most typical comes first
        assertThat(chosen.get(0).distance()).isZero();
    }

    @Test
    void shouldPreferTypicalStoriesOverVarietyFarFromTheCentre() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candidates.add(story("low", "ouder", 60, i));
        }
        // a different role, but far from the group's centre: outside the pool of the most typical
        candidates.add(story("low", "jongere", 10, 90));
        List<Candidate> chosen = TypicalStories.choose(candidates, List.of("low"), 2);
        assertThat(chosen).extracting(Candidate::role).containsOnly("ouder");
        assertThat(chosen).extracting(Candidate::distance).containsExactly(0.0, 1.0);
    }

    @Test
    void shouldGiveNothingForGroupsWithoutStories() {
        assertThat(TypicalStories.choose(List.of(), List.of("low", "high"), 2)).isEmpty();
        assertThat(TypicalStories.choose(List.of(story("other", "ouder", 10, 0)), List.of("low"), 2))
                .isEmpty();
    }
}
