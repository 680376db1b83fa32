package nl.vertelpunt.storypoint.paper;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the paper form of a story point shows, in one language: the texts of the definition and the fixed
 * texts ({@code t}) of the form around them. Everything here is plain text; the template escapes it.
 */
public record PaperView(
        String lang,
        String slug,
        int version,
        String title,
        String intro,
        String privacy,
        String crisisHelp,
        List<String> roles,
        String prompt,
        List<QuestionView> questions,
        Map<String, String> t) {

    /** Where the ten-percent marks of a printed scale go, in the scale's drawing units (0 at 10, 100 at 1590). */
    public List<Integer> ticks() {
        return IntStream.rangeClosed(1, 9).mapToObj(i -> 10 + i * 158).toList();
    }

    /**
     * One question as printed: its number, texts, and what to tick or mark. Options come in rows of one, or of two
     * when there are many, so a long list still fits.
     */
    public record QuestionView(
            int number,
            String type,
            String label,
            String help,
            boolean required,
            String onlyFor,
            String instruction,
            String left,
            String right,
            boolean notApplicable,
            List<List<String>> optionRows,
            List<String> corners) {

        public boolean isSlider() {
            return "slider".equals(type);
        }

        public boolean isChoice() {
            return "choice".equals(type) || "multichoice".equals(type);
        }

        public boolean isTriad() {
            return "triad".equals(type);
        }

        public boolean isText() {
            return "text".equals(type);
        }
    }
}
