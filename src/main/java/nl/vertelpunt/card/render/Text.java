package nl.vertelpunt.card.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text from users on its way into SVG and XHTML. Labels, excerpts and quotes are typed by storytellers and
 * staff: they may hold markup characters, which are escaped, and characters that XML 1.0 does not allow
 * (control characters, unpaired surrogates), which are dropped, because one of them would make the whole
 * deck unreadable for the PDF renderer.
 */
final class Text {

    private Text() {}

    /**
     * The text in Unicode normal form C (letters and accents composed, as the fonts expect) without characters XML
     * 1.0 forbids; "" for null. Line breaks and tabs become spaces.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (allowed(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Whether XML 1.0 allows the character (an unpaired surrogate arrives here as itself and is not allowed). */
    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The cleaned text escaped for XML character data and attribute values (quotes included). */
    static String escape(String text) {
        String clean = clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The cleaned text cut to at most {@code max} characters (code points kept whole), with "…" when cut. */
    static String shorten(String text, int max) {
        String clean = clean(text).strip();
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        int end = clean.offsetByCodePoints(0, max - 1);
        return clean.substring(0, end).stripTrailing() + "…";
    }

    /**
     * The text broken into at most {@code maxLines} lines of about {@code width} characters, at spaces where
     * possible; the last line ends in "…" when text was left over.
     */
    static List<String> wrap(String text, int width, int maxLines) {
        String rest = clean(text).strip().replaceAll(" {2,}", " ");
        List<String> lines = new ArrayList<>();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (rest.codePointCount(0, rest.length()) <= width) {
                lines.add(rest);
                rest = "";
                break;
            }
            int limit = rest.offsetByCodePoints(0, width);
            int space = rest.lastIndexOf(' ', limit);
            int cut = space > width / 3 ? space : limit;
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, shorten(lines.get(last) + " " + rest, width));
        }
        return lines;
    }
}
