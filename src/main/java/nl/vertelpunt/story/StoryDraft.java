package nl.vertelpunt.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A story that passed every check and is ready to be stored.
 *
 * @param id           the story id, or null to have one made
 * @param submissionId the client's id for this submission (online intake), or null
 * @param gathering    the label of the gathering a verteltafel or paper story came from, or null
 */
public record StoryDraft(
        String id,
        UUID submissionId,
        String role,
        Channel channel,
        String language,
        String title,
        String text,
        ObjectNode answers,
        Instant submittedAt,
        int wordCount,
        int answeredCount,
        boolean complete,
        String gathering) {}
