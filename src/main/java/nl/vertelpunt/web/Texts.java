package nl.vertelpunt.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one check of every text that enters the service, whichever way it comes (JSON, CSV, an address): it must be
 * valid UTF-8, hold no U+0000 (PostgreSQL's text and jsonb cannot store it) and no half of a surrogate pair (which no
 * UTF-8 can encode); a text that must say something must have a visible character. Such input is refused, never
 * mended: nothing is replaced by '?', dropped or cut off.
 */
public final class Texts {

    /** Letters and symbols that show nothing: Hangul fillers, the Braille blank. */
    private static final String INVISIBLE = "\u115F\u1160\u3164\uFFA0\u2800";

    private Texts() {}

    /** Why this text cannot be taken in, or null when it can (null itself can). */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the character U+0000 (NUL)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode: it holds half of a surrogate pair (U+" + hex(c) + ")";
            }
        }
        return null;
    }

    /**
     * Whether a text says nothing: null, empty, or only characters that show nothing (spaces and line ends,
     * control and format characters such as the zero-width space U+200B, U+FEFF and the soft hyphen, combining marks
     * without a character to combine with, and letters that show nothing such as the Hangul filler).
     */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isVisible(cp)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || INVISIBLE.indexOf(cp) >= 0) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    /** A UTF-8 decoder that refuses what is not UTF-8 (overlong forms, surrogates, beyond U+10FFFF, stray bytes). */
    public static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The bytes as UTF-8 text; throws when they are not UTF-8. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Whether the bytes are UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
