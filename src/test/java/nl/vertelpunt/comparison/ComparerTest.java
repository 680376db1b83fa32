package nl.vertelpunt.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vertelpunt.comparison.ComparisonRequest.ResamplingSettings;
import nl.vertelpunt.comparison.ComparisonResult.PatternComparison;
import nl.vertelpunt.evaluation.Dataset;
import nl.vertelpunt.evaluation.TestDatasets;
import nl.vertelpunt.sample.PatternedStories;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.testing.ComparedStories;
import org.junit.jupiter.api.Test;

/**
 * Verdicts on generated stories with planted differences ({@link ComparedStories}, fixed seeds), the calibration on
 * stories where focus and reference come from the same distribution, and reproducibility. Plain JUnit.
 */
class ComparerTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final StoryPointDefinition DEFINITION = PatternedStories.definition("vergelijk");
    private static final Set<String> DIFFERENT = Set.of(
            Comparer.STRONGER_HERE,
            Comparer.WEAKER_HERE,
            Comparer.ONLY_HERE,
            Comparer.ONLY_ELSEWHERE,
            Comparer.OPPOSITE);

    @Test
    void shouldJudgePlantedPatternsOnlyHereOppositeOnlyElsewhereAndShared() {
        ComparisonResult result = compare(new ComparedStories(true, 1), 800, 800, null);
        Map<String, PatternComparison> patterns =
                result.patterns().stream().collect(Collectors.toMap(PatternComparison::key, Function.identity()));

        assertThat(patterns.get(ComparedStories.ONLY_HERE).verdict()).isEqualTo(Comparer.ONLY_HERE);
        assertThat(patterns.get(ComparedStories.OPPOSITE).verdict()).isEqualTo(Comparer.OPPOSITE);
        assertThat(patterns.get(ComparedStories.ONLY_ELSEWHERE).verdict()).isEqualTo(Comparer.ONLY_ELSEWHERE);
        assertThat(patterns.get(ComparedStories.SHARED_SLIDERS).verdict()).isEqualTo(Comparer.SHARED);
        assertThat(patterns.get(ComparedStories.SHARED_CHOICE).verdict()).isEqualTo(Comparer.SHARED);

        PatternComparison opposite = patterns.get(ComparedStories.OPPOSITE);
        assertThat(opposite.focus().effect()).isPositive();
        assertThat(opposite.reference().effect()).isNegative();
        assertThat(opposite.difference().test()).isEqualTo("fisher-z");
        assertThat(opposite.focus().low()).isLessThan(opposite.focus().effect());
        assertThat(opposite.focus().high()).isGreaterThan(opposite.focus().effect());
        // both distributions, side by side, for the chart
        assertThat(opposite.focus().pattern().joint()).isNotNull();
        assertThat(opposite.reference().pattern().joint()).isNotNull();

        PatternComparison elsewhere = patterns.get(ComparedStories.ONLY_ELSEWHERE);
        assertThat(elsewhere.difference().test()).isEqualTo("permutation");
        assertThat(elsewhere.reference().interval()).isEqualTo("bootstrap-percentile");
        assertThat(elsewhere.reference().pattern().table()).isNotNull();
        assertThat(elsewhere.focus().pattern().table()).isNotNull();
        PatternComparison choice = patterns.get(ComparedStories.SHARED_CHOICE);
        assertThat(choice.effect()).isEqualTo("epsilon-squared");
        assertThat(choice.comparedGroups()).hasSize(5);
        assertThat(choice.focus().pattern().groups()).hasSize(5);

        // every compared pattern is strong on at least one side
        assertThat(result.patterns())
                .allMatch(p -> p.focus().strong() || p.reference().strong());
        assertThat(result.summary().compared()).isEqualTo(result.patterns().size());
    }

    @Test
    void shouldJudgeAtMostFivePercentOfPatternsDifferentWhenBothSidesComeFromTheSameDistribution() {
        int compared = 0;
        int different = 0;
        // 20 seeds: with the planted triad (and its zone) there are about nine compared patterns per seed, and a rate
        // of 5% is estimated from some 170 of them rather than 80
        for (long seed = 1; seed <= 20; seed++) {
            ComparisonResult result = compare(new ComparedStories(false, 100 + seed), 600, 600, null);
            compared += result.patterns().size();
            different += (int) result.patterns().stream()
                    .filter(p -> DIFFERENT.contains(p.verdict()))
                    .count();
        }
        System.out.printf("Same distribution, 20 seeds: %d of %d patterns judged different%n", different, compared);
        assertThat(compared).isGreaterThanOrEqualTo(50);
        assertThat(different).isLessThanOrEqualTo(compared / 20);
    }

    @Test
    void shouldGiveTheSameResultByteForByteForTheSameSeedAndAnotherForAnotherSeed() throws Exception {
        ComparedStories stories = new ComparedStories(true, 3);
        String first = JSON.writeValueAsString(compare(stories, 300, 300, 5L));
        String second = JSON.writeValueAsString(compare(stories, 300, 300, 5L));
        String other = JSON.writeValueAsString(compare(stories, 300, 300, 6L));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldCompareTheZonesOfATriadAndLeaveItsSharesOutWithANote() {
        ComparisonResult result = compare(new ComparedStories(false, 101), 600, 600, null);
        // the planted triad by phase is strong on both sides: its zone is compared as a choice ...
        assertThat(result.patterns())
                .anyMatch(p -> p.key().equals("choice_by_choice|fase|balans:zone")
                        && p.focus().effect() != null
                        && p.reference().effect() != null);
        // ... its shares (MANOVA) are not, and a note says so
        assertThat(result.patterns()).noneMatch(p -> p.kind().equals("triad_by_choice"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Triads by a choice"));
    }

    @Test
    void shouldSayDifferentOnlyWithASignificantDifference() {
        assertThat(Comparer.verdict(true, true, 0.4, 0.38, true, false)).isEqualTo(Comparer.SHARED);
        assertThat(Comparer.verdict(true, true, 0.5, 0.2, true, true)).isEqualTo(Comparer.STRONGER_HERE);
        assertThat(Comparer.verdict(true, true, 0.2, 0.5, false, true)).isEqualTo(Comparer.WEAKER_HERE);
        assertThat(Comparer.verdict(true, true, 0.4, -0.4, true, true)).isEqualTo(Comparer.OPPOSITE);
        assertThat(Comparer.verdict(true, true, 0.4, -0.4, true, false)).isEqualTo(Comparer.UNCLEAR);
        assertThat(Comparer.verdict(true, false, 0.4, 0.02, true, true)).isEqualTo(Comparer.ONLY_HERE);
        assertThat(Comparer.verdict(true, false, 0.12, 0.09, true, false)).isEqualTo(Comparer.UNCLEAR);
        assertThat(Comparer.verdict(true, false, 0.15, 0.3, true, true)).isEqualTo(Comparer.UNCLEAR);
        assertThat(Comparer.verdict(false, true, 0.02, 0.3, false, true)).isEqualTo(Comparer.ONLY_ELSEWHERE);
        assertThat(Comparer.verdict(false, true, null, 0.3, false, false)).isEqualTo(Comparer.UNCLEAR);
    }

    @Test
    void shouldLeaveOutVariablesThatChooseASide() {
        ComparedStories stories = new ComparedStories(true, 1);
        List<ComparedStories.Row> rows = stories.rows(400, 400);
        Dataset data = TestDatasets.of(
                DEFINITION, rows.stream().map(ComparedStories.Row::cells).toList());
        boolean[] focus = new boolean[rows.size()];
        boolean[] reference = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            focus[i] = rows.get(i).focus();
            reference[i] = !focus[i];
        }
        ComparisonResult result = Comparer.compare(
                new Comparer.Input(
                        data, focus, reference, Set.of("fase"), List.of(), request(null), DEFINITION, "test"),
                p -> {});
        assertThat(result.leftOutVariables()).contains("fase");
        assertThat(result.patterns()).noneMatch(p -> p.questions().contains("fase"));
        assertThat(result.notes()).anyMatch(n -> n.contains("fase"));
    }

    private static ComparisonResult compare(ComparedStories stories, int focus, int reference, Long seed) {
        List<ComparedStories.Row> rows = stories.rows(focus, reference);
        Dataset data = TestDatasets.of(
                DEFINITION, rows.stream().map(ComparedStories.Row::cells).toList());
        boolean[] inFocus = new boolean[rows.size()];
        boolean[] inReference = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            inFocus[i] = rows.get(i).focus();
            inReference[i] = !inFocus[i];
        }
        return Comparer.compare(
                new Comparer.Input(data, inFocus, inReference, Set.of(), List.of(), request(seed), DEFINITION, "test"),
                p -> {});
    }

    private static ComparisonRequest request(Long seed) {
        StoryFilter f2020 = new StoryFilter(
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), null, null, null, null, null, null, null, null);
        StoryFilter f2019 = new StoryFilter(
                LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), null, null, null, null, null, null, null, null);
        return new ComparisonRequest(
                null,
                DEFINITION.slug(),
                new ComparisonRequest.Side(null, f2020),
                new ComparisonRequest.Reference(null, new ComparisonRequest.Side(null, f2019)),
                null,
                new ResamplingSettings(seed, 500, 500));
    }
}
