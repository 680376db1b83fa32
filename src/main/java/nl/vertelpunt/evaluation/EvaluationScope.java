package nl.vertelpunt.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.LocalizedText;
import nl.vertelpunt.storypoint.definition.ModuleDefinition;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;

/**
 * Which stories an analysis reads, and the definition it reads them as: one story point (its current definition), or
 * a question module across story points that include it. A module-wide scope reads as a definition of its own: the
 * module's questions (of the version {@code moduleVersion}; stories answered under older versions count by question
 * id, as answers keep their meaning across versions), the roles of the story points covered (in their order, each
 * labelled as the first story point that has it labels it), the choice variable {@value #STORY_POINT} whose options
 * are the covered story points' slugs labelled with their titles, and the strictest suppression threshold among them.
 * Plain Java, no I/O: {@link EvaluationScopes} builds it from the database, and {@link DatasetLoader} reads it.
 *
 * @param module        the module's id, or null for one story point
 * @param moduleVersion the module version whose questions are analysed, or null
 * @param members       the story points covered, in order (one for a story point scope)
 * @param definition    the definition the stories are analysed as
 */
public record EvaluationScope(
        String module, Integer moduleVersion, List<Member> members, StoryPointDefinition definition) {

    /** The choice variable of a module-wide scope that says at which story point a story was told. */
    public static final String STORY_POINT = "storyPoint";

    /** A story point covered: its id, slug and current definition. */
    public record Member(long id, String slug, StoryPointDefinition definition) {}

    public EvaluationScope {
        members = List.copyOf(members);
    }

    /** One story point, read as its current definition. */
    public static EvaluationScope storyPoint(long id, StoryPointDefinition definition) {
        return new EvaluationScope(null, null, List.of(new Member(id, definition.slug(), definition)), definition);
    }

    /**
     * A module across story points that include it.
     *
     * @param members at least one story point, in the order the analysis lists them
     */
    public static EvaluationScope module(String id, int version, ModuleDefinition module, List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a module-wide scope covers at least one story point");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        int threshold = StoryPointDefinition.DEFAULT_SUPPRESSION;
        List<Option> points = new ArrayList<>();
        for (Member m : members) {
            m.definition().roles().forEach(r -> roles.putIfAbsent(r.id(), r));
            threshold = Math.max(threshold, m.definition().suppression());
            points.add(Option.of(m.slug(), m.definition().title()));
        }
        List<Question> questions = new ArrayList<>();
        questions.add(storyPointQuestion(points));
        questions.addAll(module.questions());
        StoryPointDefinition definition = new StoryPointDefinition(
                null,
                module.title(),
                null,
                null,
                null,
                List.copyOf(roles.values()),
                null,
                null,
                questions,
                threshold,
                null);
        return new EvaluationScope(id, version, members, definition);
    }

    /** The variable {@value #STORY_POINT}: a choice whose options are the story points, labelled with their titles. */
    private static Question storyPointQuestion(List<Option> points) {
        return new Question(
                STORY_POINT,
                0,
                QuestionType.CHOICE,
                LocalizedText.of(Map.of("nl", "Vertelpunt", "en", "Story point")),
                null,
                null,
                null,
                null,
                null,
                null,
                points,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public boolean moduleWide() {
        return module != null;
    }

    /** The ids of the story points covered, in order. */
    public List<Long> storyPointIds() {
        return members.stream().map(Member::id).toList();
    }

    /** The slugs of the story points covered, in order. */
    public List<String> slugs() {
        return members.stream().map(Member::slug).toList();
    }

    /** The suppression threshold of the scope: the story point's, or the strictest of the story points covered. */
    public int suppression() {
        return definition.suppression();
    }

    /** This scope with only the given story point of it (the same definition), e.g. a card's own story point. */
    public EvaluationScope narrowedTo(long storyPointId) {
        List<Member> kept = members.stream().filter(m -> m.id() == storyPointId).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("story point " + storyPointId + " is not in this scope");
        }
        return new EvaluationScope(module, moduleVersion, kept, definition);
    }

    /**
     * Every way in which a filter does not fit the scope, with {@code prefix} before each field. In a module-wide
     * scope a filter may name the module's questions, the role and {@value #STORY_POINT}, nothing else.
     */
    public List<FieldError> check(StoryFilter filter, String prefix) {
        if (!moduleWide()) {
            return filter.check(definition, prefix);
        }
        List<FieldError> errors = new ArrayList<>();
        String notInModule = "is not a question of module '" + module
                + "' (a module-wide filter may name its questions, " + "the role and storyPoint)";
        filter.answers().keySet().stream()
                .filter(id -> definition.question(id).isEmpty())
                .forEach(id -> errors.add(new FieldError(prefix + "answers." + id, notInModule)));
        filter.ranges().keySet().stream()
                .filter(id -> definition.question(id).isEmpty())
                .forEach(id -> errors.add(new FieldError(prefix + "ranges." + id, notInModule)));
        StoryFilter known =
                filter.withAnswers(only(filter.answers(), definition)).withRanges(only(filter.ranges(), definition));
        errors.addAll(known.check(definition, prefix));
        return errors;
    }

    /**
     * The SQL condition on alias {@code s} for the stories of this scope that pass {@code filter} (hidden stories never
     * do); in a module-wide scope {@value #STORY_POINT} in the filter narrows the story points.
     */
    public StoryFilter.Condition condition(StoryFilter filter) {
        if (!moduleWide()) {
            return filter.condition(members.get(0).id(), definition);
        }
        List<String> chosen = filter.answers().get(STORY_POINT);
        List<Long> ids = members.stream()
                .filter(m -> chosen == null || chosen.contains(m.slug()))
                .map(Member::id)
                .toList();
        Map<String, List<String>> answers = new TreeMap<>(filter.answers());
        answers.remove(STORY_POINT);
        StoryFilter rest = filter.withAnswers(answers);
        return rest.condition(ids, definition);
    }

    /**
     * For each story point covered (by slug), the ids of the questions its current definition asks: a module question
     * that a story point does not ask (it pins an older module version without it) is "not asked" there, not
     * "unanswered". Null for one story point.
     */
    Map<String, Set<String>> askedBySlug() {
        if (!moduleWide()) {
            return null;
        }
        Map<String, Set<String>> asked = new LinkedHashMap<>();
        for (Member m : members) {
            asked.put(
                    m.slug(),
                    m.definition().questions().stream().map(Question::id).collect(Collectors.toUnmodifiableSet()));
        }
        return asked;
    }

    private static <V> Map<String, V> only(Map<String, V> byQuestion, StoryPointDefinition definition) {
        Map<String, V> kept = new TreeMap<>();
        byQuestion.forEach((id, v) -> {
            if (definition.question(id).isPresent()) {
                kept.put(id, v);
            }
        });
        return kept;
    }
}
