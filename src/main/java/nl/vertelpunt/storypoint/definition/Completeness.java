package nl.vertelpunt.storypoint.definition;

/** When a story counts as complete: at least this many words and this many answered questions. */
public record Completeness(int minWords, int minAnsweredQuestions) {

    public boolean isMet(int words, int answered) {
        return words >= minWords && answered >= minAnsweredQuestions;
    }
}
