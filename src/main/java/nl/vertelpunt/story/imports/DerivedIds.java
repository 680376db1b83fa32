package nl.vertelpunt.story.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Story ids for files without an id column, made from the story itself so that importing the same
 * file again replaces the stories instead of adding them twice.
 *
 * <p>The id is 16 characters of Crockford's base32 (80 bits) of the SHA-256 of the title and the text
 * (line ends made {@code \n}, outer white space removed) and of how often that same title and text
 * occurred before in the file. So the same story in the same file always gets the same id, whichever
 * other columns the file has or the mapping reads; answers corrected in the file replace the stored
 * answers on the next import; two rows telling exactly the same story stay two stories. A story whose
 * text or title was edited in the file counts as a new story.
 */
final class DerivedIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** The id of the next row with this title (may be null) and text. */
    String next(String title, String text) {
        String story = normalize(title) + '\u001F' + normalize(text);
        int occurrence = occurrences.merge(story, 1, Integer::sum);
        return id(story + '\u001F' + occurrence);
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String id(String key) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        char[] id = new char[16];
        long bits = 0;
        int available = 0;
        int at = 0;
        for (int i = 0; i < id.length; i++) {
            if (available < 5) {
                bits = (bits << 8) | (hash[at++] & 0xFF);
                available += 8;
            }
            id[i] = ALPHABET[(int) (bits >>> (available - 5)) & 31];
            available -= 5;
        }
        return new String(id);
    }
}
