package nl.vertelpunt.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Receipt codes: the storyteller gets one when their story is stored, and can withdraw the story with it.
 * 80 random bits, written as four groups of four characters (Crockford base32: no I, L, O, U), shown once;
 * only a SHA-256 hash is kept.
 */
public final class Receipts {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private Receipts() {}

    public static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(32)]);
        }
        return code.toString();
    }

    /** The hash of a code as typed: spaces and dashes ignored, case ignored, O read as 0 and I/L as 1. */
    public static String hash(String code) {
        String normalized = SEPARATORS
                .matcher(code.toUpperCase(Locale.ROOT))
                .replaceAll("")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
