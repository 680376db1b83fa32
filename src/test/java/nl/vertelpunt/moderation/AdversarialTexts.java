package nl.vertelpunt.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Story texts made to be expensive for a scanner of personal data: long runs that nearly match one of its
 * patterns (one long token of digits or letters, chains of dots and at signs, runs of spaces after a postcode
 * or a form of address…), each of any length. Used by the linear-shape test and by {@code bench/scan.sh}.
 */
public final class AdversarialTexts {

    private AdversarialTexts() {}

    /** Name of the kind of text → the text of that kind with exactly the given number of characters. */
    public static Map<String, IntFunction<String>> kinds() {
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        repeat(kinds, "digits", "1");
        repeat(kinds, "one letter", "a");
        kinds.put("one capitalised word", n -> "A" + "a".repeat(n - 1));
        repeat(kinds, "letters and digits", "a1");
        repeat(kinds, "dotted letters", "a.");
        repeat(kinds, "at signs", "a@");
        repeat(kinds, "at sign and dot", "a@b.");
        kinds.put("long domain without a top-level domain", n -> ("x@" + "a1.".repeat(n)).substring(0, n));
        kinds.put("long local part", n -> ("a".repeat(n - 6) + "@b.nl1").substring(0, n));
        kinds.put("postcode and spaces", n -> ("1234 AB" + " ".repeat(n)).substring(0, n));
        repeat(kinds, "postcodes", "1234 AB  ");
        kinds.put("form of address and spaces", n -> ("mevrouw" + " ".repeat(n)).substring(0, n));
        repeat(kinds, "forms of address", "juf van ");
        repeat(kinds, "street names", "Aaaastraat ");
        kinds.put("street and spaces", n -> ("Kerkstraat" + " ".repeat(n)).substring(0, n));
        repeat(kinds, "web addresses", "www.");
        repeat(kinds, "http", "http://");
        repeat(kinds, "phone digits with spaces", "0 ");
        repeat(kinds, "phone prefixes", "+31");
        repeat(kinds, "iban prefixes", "NL12 ");
        repeat(kinds, "iban groups", "ABCD ");
        repeat(kinds, "dotted digits", "1.");
        repeat(kinds, "hyphenated capitals", "Aa-");
        repeat(kinds, "apostrophes", "A'");
        repeat(kinds, "spaces", " ");
        repeat(kinds, "accents", "é");
        repeat(kinds, "emoji", "\uD83D\uDE00");
        repeat(kinds, "ordinary Dutch", "Mijn zoon wachtte acht maanden op hulp van het wijkteam in 1234 AB. ");
        return kinds;
    }

    private static void repeat(Map<String, IntFunction<String>> kinds, String name, String unit) {
        kinds.put(name, n -> unit.repeat(n / unit.length() + 1).substring(0, n));
    }
}
