package nl.vertelpunt.story;

import java.security.SecureRandom;

/**
 * New story ids: 12 characters of Crockford's base32 (60 random bits), easy to read aloud in a
 * session and not guessable. Ids from other systems are kept as they are.
 */
public final class StoryIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StoryIds() {
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
