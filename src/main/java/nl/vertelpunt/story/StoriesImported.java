package nl.vertelpunt.story;

/**
 * Fired (as a CDI event, inside the import's transaction) when an import stored stories into a story point, so that
 * work on them that is done in the background (the words for keyness) starts as soon as the import commits, not at
 * the next scheduled round. Not fired for a dry run.
 */
public record StoriesImported(long storyPointId) {}
