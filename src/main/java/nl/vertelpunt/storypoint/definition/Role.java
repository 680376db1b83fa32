package nl.vertelpunt.storypoint.definition;

/** A role a storyteller chooses at the start, such as jongere, ouder or professional. */
public record Role(String id, LocalizedText label) {}
