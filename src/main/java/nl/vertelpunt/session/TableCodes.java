package nl.vertelpunt.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short codes for table links, to type on a phone ({@code /t}, or {@code /t/K7Q-M3X-HD9}) where the long link or
 * its QR code is not at hand.
 *
 * <p>A code is {@value #LENGTH} characters of Crockford's base 32 (digits and letters without I, L, O and U, so
 * that nothing reads as something else), shown in groups of three: 45 random bits, about 3.5 × 10<sup>13</sup>
 * codes. Typing is forgiving: case, spaces and dashes do not matter, and O, I and L are read as 0, 1 and 1.
 * Guessing is limited per client address in memory ({@link TableCodeService}); with many addresses and many live
 * links the odds stay tiny (see the README, "Table links and short codes").
 *
 * <p>Only the code's SHA-256 is stored, with a random key; the link's token is the HMAC-SHA-256 of the code under
 * that key, so a correct code leads to the link while neither the code nor the token is kept.
 */
final class TableCodes {

    /** Crockford's base 32. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final int LENGTH = 9;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TableCodes() {}

    /** A new random code, without dashes. */
    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A new random key for {@link #token}, URL-safe Base64 of 32 bytes. */
    static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * A code as typed, in its stored form (upper case, no dashes or spaces, O as 0, I and L as 1), or null when it
     * cannot be a code (wrong length or characters).
     */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '.' || c == '\u00a0') {
                continue;
            }
            char read = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }

    /** The code as shown to people: "K7Q-M3X-HD9". */
    static String display(String code) {
        return code.substring(0, 3) + "-" + code.substring(3, 6) + "-" + code.substring(6);
    }

    /** The link's token that follows from the code under the table's key (43 characters, URL-safe). */
    static String token(String key, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
