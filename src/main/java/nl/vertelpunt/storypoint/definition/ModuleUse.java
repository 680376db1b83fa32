package nl.vertelpunt.storypoint.definition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A question module that a story point includes: its id, the version pinned (the module's current version when the
 * story point is published without one), and where its block of questions stands: right after the story point's own
 * question {@code after}, or, without it, before the story point's own questions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleUse(String id, Integer version, String after) {}
