package nl.vertelpunt.card;

/**
 * Excerpts of story texts for cards: the whole text when it is short, otherwise a part cut at word
 * boundaries with an ellipsis, around the marked quote when there is one. Plain Java.
 */
public final class Excerpts {

    /** Longest excerpt, in characters (without the ellipses). */
    public static final int LENGTH = 700;

    private Excerpts() {}

    /**
     * An excerpt of {@code text}; when {@code quoteStart}/{@code quoteEnd} mark a quote (UTF-16 offsets), the
     * excerpt contains it.
     */
    public static String of(String text, Integer quoteStart, Integer quoteEnd) {
        String t = text.strip();
        if (t.length() <= LENGTH) {
            return t;
        }
        int start = 0;
        if (quoteStart != null && quoteEnd != null && quoteEnd <= text.length()) {
            int offset = 0;
            while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
                offset++;
            }
            int qs = Math.max(0, quoteStart - offset);
            int qe = Math.min(t.length(), quoteEnd - offset);
            if (qe > LENGTH) {
                // begin a little before the quote, at a sentence if one starts close by
                start = Math.max(0, Math.min(qs - 100, t.length() - LENGTH));
                int sentence = t.lastIndexOf(". ", qs);
                if (sentence >= 0 && sentence + 2 >= start && sentence + 2 <= qs) {
                    start = sentence + 2;
                } else {
                    start = wordStart(t, start);
                }
            }
        }
        int end = Math.min(t.length(), start + LENGTH);
        if (end < t.length()) {
            int space = t.lastIndexOf(' ', end);
            if (space > start + LENGTH / 2) {
                end = space;
            }
        }
        String body = t.substring(start, end).strip();
        return (start > 0 ? "… " : "") + body + (end < t.length() ? " …" : "");
    }

    /** Moves forward to the start of the next word (unless already at one). */
    private static int wordStart(String t, int at) {
        if (at == 0 || Character.isWhitespace(t.charAt(at - 1))) {
            return at;
        }
        int space = t.indexOf(' ', at);
        return space < 0 ? at : space + 1;
    }
}
