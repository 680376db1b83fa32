package nl.vertelpunt.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt (version 2b) password hashing. bcrypt reads at most 72 bytes, so longer passwords are refused. */
public final class PasswordHasher {

    /** The cost factor: 2^12 rounds, about a quarter of a second on a small server. */
    static final int COST = 12;

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {}

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, COST);
    }

    public static boolean verify(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes";
        }
        return null;
    }

    /** A random password of 24 letters and digits, for the first admin. */
    public static String generate() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
