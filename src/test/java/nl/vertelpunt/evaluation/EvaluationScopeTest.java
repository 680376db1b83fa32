package nl.vertelpunt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.ModuleDefinition;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import org.junit.jupiter.api.Test;

/**
 * A module-wide scope as a definition of its own (plain JUnit, no database): the module's questions, the roles of the
 * story points covered, the variable storyPoint, the strictest threshold; its filters; and a dataset whose fingerprint
 * covers the story point of each story.
 */
class EvaluationScopeTest {

    private static Question slider(String id) {
        return new Question(
                id,
                1,
                QuestionType.SLIDER,
                LocalizedText.nl(id),
                null,
                null,
                null,
                LocalizedText.nl("niet"),
                LocalizedText.nl("wel"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static StoryPointDefinition point(String slug, List<Role> roles, List<Question> questions, Integer k) {
        return new StoryPointDefinition(
                slug, LocalizedText.nl("Titel " + slug), null, null, null, roles, null, null, questions, k, null);
    }

    private static final Role PARENT = new Role("ouder", LocalizedText.nl("Ouder"), null);
    private static final Role YOUTH = new Role("jongere", LocalizedText.nl("Jongere"), null);
    private static final Role PRO = new Role("professional", LocalizedText.nl("Professional"), null);
    private static final ModuleDefinition KERN =
            new ModuleDefinition("kern", LocalizedText.nl("Kern"), null, List.of(slider("gehoord"), slider("op-tijd")));

    /** The national story point asks both core questions; the region pins an older core without 'op-tijd'. */
    private static EvaluationScope scope() {
        StoryPointDefinition national = point(
                "land", List.of(PARENT, YOUTH), List.of(slider("gehoord"), slider("op-tijd"), slider("eigen")), 5);
        StoryPointDefinition region = point("regio", List.of(PARENT, PRO), List.of(slider("gehoord")), 10);
        return EvaluationScope.module(
                "kern",
                2,
                KERN,
                List.of(
                        new EvaluationScope.Member(1, "land", national),
                        new EvaluationScope.Member(2, "regio", region)));
    }

    @Test
    void shouldReadAModuleAsADefinitionOfItsOwn() {
        StoryPointDefinition d = scope().definition();
        assertThat(d.questions()).extracting(Question::id).containsExactly("storyPoint", "gehoord", "op-tijd");
        Question points = d.question("storyPoint").orElseThrow();
        assertThat(points.type()).isEqualTo(QuestionType.CHOICE);
        assertThat(points.options()).extracting(o -> o.id()).containsExactly("land", "regio");
        assertThat(points.options()).extracting(o -> o.label().in("nl")).containsExactly("Titel land", "Titel regio");
        assertThat(d.roles()).extracting(Role::id).containsExactly("ouder", "jongere", "professional");
        assertThat(d.suppression()).isEqualTo(10);
        assertThat(scope().narrowedTo(2).storyPointIds()).containsExactly(2L);
    }

    @Test
    void shouldFilterOnTheModulesQuestionsTheRoleAndTheStoryPointOnly() {
        StoryFilter filter = new StoryFilter(
                null,
                null,
                List.of("professional"),
                null,
                Map.of("storyPoint", List.of("regio"), "regio-vraag", List.of("x")),
                Map.of("eigen", List.of(0, 50), "gehoord", List.of(50, 100)),
                null,
                null,
                null,
                null);
        List<FieldError> errors = scope().check(filter, "filter.");
        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("filter.answers.regio-vraag", "filter.ranges.eigen");
        assertThat(errors.get(0).message()).contains("module 'kern'");

        StoryFilter fine = new StoryFilter(
                null,
                null,
                null,
                null,
                Map.of("storyPoint", List.of("regio")),
                Map.of("gehoord", List.of(50, 100)),
                null,
                null,
                null,
                null);
        assertThat(scope().check(fine, "filter.")).isEmpty();
        StoryFilter.Condition c = scope().condition(fine);
        // storyPoint narrows the story points, and is no answer in the story's JSON
        assertThat(c.sql()).startsWith("s.story_point_id IN (?)").doesNotContain("storyPoint");
        assertThat(c.params().get(0)).isEqualTo(2L);
        assertThat(scope().condition(StoryFilter.all()).params()).startsWith(1L, 2L);
    }

    @Test
    void shouldCountTheStoryPointInTheFingerprintAndAQuestionAStoryPointDoesNotAskAsNotAsked() {
        EvaluationScope scope = scope();
        Dataset here = dataset(scope, "land");
        Dataset there = dataset(scope, "regio");
        assertThat(here.fingerprint()).isNotEqualTo(there.fingerprint());
        // 'op-tijd' is not asked at the region: missing there is "not asked", at the national one "unanswered"
        Dataset.SliderVariable onTime = there.sliders().get(1);
        assertThat(onTime.name()).isEqualTo("op-tijd");
        assertThat(onTime.values()[0]).isEqualTo(Dataset.NOT_ASKED);
        assertThat(here.sliders().get(1).values()[0]).isEqualTo(Dataset.UNANSWERED);
        assertThat(there.categories())
                .extracting(Dataset.CategoricalVariable::name)
                .contains("storyPoint");
    }

    private static Dataset dataset(EvaluationScope scope, String at) {
        DatasetBuilder builder = new DatasetBuilder(scope.definition(), false, 1, scope.askedBySlug());
        // columns: sliders (gehoord, op-tijd), then choices (storyPoint)
        assertThat(builder.columns()).extracting(Question::id).containsExactly("gehoord", "op-tijd", "storyPoint");
        builder.add("verhaal-1", "ouder", "online", new String[] {"70", null, at}, true, false, false);
        return builder.build();
    }
}
