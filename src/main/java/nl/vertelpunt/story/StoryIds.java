package nl.vertelpunt.story;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * New story ids: 12 characters of Crockford's base32 (60 random bits), easy to read aloud in a
 * session and not guessable. Ids from other systems are kept as they are.
 */
public final class StoryIds {

    /**
     * What a story id may be, whoever made it: 1 to 64 letters, digits, '.', '_' or '-', in any position
     * (as the {@code story.id} column's check).
     */
    public static final Pattern PATTERN = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    /** Why an id does not match {@link #PATTERN}. */
    public static final String RULE = "must be 1 to 64 letters, digits, '.', '_' or '-' (but not '.' or '..' alone)";

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoryIds() {}

    /**
     * Whether {@code id} is a valid story id. "." and ".." fit the pattern but are refused: as the last part
     * of an address (…/stories/..) browsers and HTTP clients remove them, so such a story could never be
     * opened, moderated or redacted.
     */
    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    public static String next() {
        long bits = RANDOM.nextLong();
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(id);
    }
}
