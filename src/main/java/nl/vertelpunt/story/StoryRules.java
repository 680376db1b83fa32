package nl.vertelpunt.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.Texts;

/**
 * The rules every story meets, whichever way it arrives (web form, import): a known role and language,
 * a story text of at most {@value #MAX_TEXT} characters (code points), a title of at most {@value #MAX_TITLE}, valid
 * answers; and whether it is complete.
 */
public final class StoryRules {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_TITLE = 200;

    /** The fields of one story as they arrived, before checking. */
    public record Incoming(
            String id,
            UUID submissionId,
            String role,
            Channel channel,
            String language,
            String title,
            String text,
            Map<String, JsonNode> answers,
            Instant submittedAt,
            String gathering) {}

    private StoryRules() {}

    /** Checks a story; returns the draft to store, or null when {@code errors} got entries. */
    public static StoryDraft check(
            StoryPointDefinition definition,
            Incoming in,
            String answerPrefix,
            AnswerValidator.Mode mode,
            List<FieldError> errors) {
        int before = errors.size();
        if (in.id() != null && !StoryIds.isValid(in.id())) {
            errors.add(new FieldError("id", StoryIds.RULE));
        }
        String role = in.role();
        if (role == null || role.isBlank()) {
            errors.add(new FieldError("role", "is required; one of " + roleIds(definition)));
            role = null;
        } else if (!definition.hasRole(role)) {
            errors.add(new FieldError(
                    "role", "'" + role + "' is not a role of this story point; one of " + roleIds(definition)));
            role = null;
        }
        String language = Texts.isBlank(in.language()) ? "nl" : in.language();
        if (!definition.languages().contains(language)) {
            errors.add(
                    new FieldError("language", "'" + language + "' is not offered; one of " + definition.languages()));
        }
        String title = Texts.isBlank(in.title()) ? null : in.title();
        if (title != null && length(title) > MAX_TITLE) {
            errors.add(new FieldError("title", "is longer than " + MAX_TITLE + " characters"));
        }
        String text = in.text();
        if (text == null || text.isEmpty()) {
            errors.add(new FieldError("text", "is required: the story itself"));
        } else if (Texts.isBlank(text)) {
            errors.add(new FieldError("text", "has no visible characters: write the story itself"));
        } else if (length(text) > MAX_TEXT) {
            errors.add(new FieldError("text", "is longer than " + MAX_TEXT + " characters (" + length(text) + ")"));
        }
        AnswerValidator.Result answers =
                AnswerValidator.validate(definition, role, in.answers(), answerPrefix, mode, errors);
        if (errors.size() > before || role == null) {
            return null;
        }
        int words = countWords(text);
        boolean complete = definition.completeness().isMet(words, answers.answered());
        return new StoryDraft(
                in.id(),
                in.submissionId(),
                role,
                in.channel(),
                language,
                title,
                text,
                answers.answers(),
                in.submittedAt(),
                words,
                answers.answered(),
                complete,
                in.gathering());
    }

    /**
     * The length of a text in characters as PostgreSQL counts them ({@code char_length}, {@code varchar(n)}):
     * Unicode code points, so an emoji is one character, not the two UTF-16 units of {@link String#length()}.
     */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Words are runs of non-space characters that hold at least one letter or digit. */
    public static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        boolean hasLetter = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (inWord && hasLetter) {
                    count++;
                }
                inWord = false;
                hasLetter = false;
            } else {
                inWord = true;
                hasLetter |= Character.isLetterOrDigit(cp);
            }
        }
        return inWord && hasLetter ? count + 1 : count;
    }

    private static List<String> roleIds(StoryPointDefinition definition) {
        return definition.roles().stream().map(r -> r.id()).toList();
    }
}
