package nl.vertelpunt.moderation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a story's text: e-mail addresses, Dutch phone numbers (not the free and paid
 * service numbers 0800/090x, which are helplines, not persons), BSN numbers that pass the 11-check, IBANs
 * with a valid checksum, postcodes (with or without house number), street addresses, web addresses, and
 * names: from a list, or after a form of address ("mevrouw Jansen", "juf Anna"). Spans are in UTF-16 code
 * units. It errs on the side of flagging: a moderator dismisses a false alarm in one click.
 */
public final class PersonalDataScanner {

    /** One finding: what kind, and where in the field. */
    public record Finding(String kind, int start, int end) {}

    // Every pattern runs in time linear in the text (a story is up to 20,000 characters): a pattern can only
    // start where the character before it cannot continue it (a look-behind or \b), repetitions are bounded,
    // and where nothing after a repetition could use what it gave back, it is possessive (++, {m,n}+). See
    // PersonalDataScannerTest (the linear-shape check) and bench/scan.sh (the worst cases at full length).
    /** The start of an e-mail address, up to its domain's labels; the top-level domain is checked in code. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+");

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']++");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\d+])(?:\\+31|0031|0)[\\s-]?(?:\\(0\\)[\\s-]?)?\\d(?:[\\s-]?\\d){7,9}(?!\\d)");
    private static final Pattern BSN =
            Pattern.compile("(?<![\\d.])(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3}[. ]\\d{3}[. ]\\d{3})(?![\\d.]\\d)");
    private static final Pattern IBAN =
            Pattern.compile("(?i)\\b[A-Z]{2}\\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\\b");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b[1-9]\\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}\\b(?:[ ]{0,4}+,?[ ]{0,4}+\\d{1,5}+(?:[ -]?[a-zA-Z]\\b)?)?");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b[A-Z][a-zà-ÿ]{1,40}(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk|pad|park|hof|markt)"
                    + "[ ]{1,4}+\\d{1,5}+(?:[ -]?[a-zA-Z]\\b)?");
    private static final Pattern ADDRESSED = Pattern.compile(
            "\\b(?:[Mm]evrouw|[Mm]eneer|[Mm]evr\\.|[Dd]hr\\.|[Jj]uf|[Mm]eester|[Dd]okter|[Dd]r\\.)[ ]{1,4}+"
                    + "((?:(?:[Vv]an(?: [Dd]e[rn]?)?|[Dd]e[rn]?|[Tt]e[rn])[ ]{1,4}+)?[A-Z][a-zà-ÿ'-]{1,40}+)");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][a-zà-ÿ'-]{1,40}\\b");

    private final Set<String> names;

    /** @param names first and last names to flag wherever they appear as a capitalized word */
    public PersonalDataScanner(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    public List<Finding> scan(CharSequence text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            int end = topLevelDomainEnd(text, email.start(), email.end());
            if (end > 0) {
                found.add(new Finding("email", email.start(), end));
            }
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.end();
            while (end > url.start() && ".,;:!?)".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            found.add(new Finding("url", url.start(), end));
        }
        // account-number-shaped text is never read as a phone number or BSN, valid checksum or not
        BitSet ibanShaped = new BitSet(text.length());
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            ibanShaped.set(iban.start(), iban.end());
            if (ibanChecksum(iban.group())) {
                found.add(new Finding("iban", iban.start(), iban.end()));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            if (ibanShaped.get(phone.start())) {
                continue;
            }
            String digits = phone.group().replaceAll("\\D", "").replaceFirst("^0031|^31", "0");
            if (digits.length() == 10
                    && digits.charAt(0) == '0'
                    && !digits.startsWith("0800")
                    && !digits.startsWith("090")) {
                found.add(new Finding("phone", phone.start(), phone.end()));
            }
        }
        Matcher bsn = BSN.matcher(text);
        while (bsn.find()) {
            if (!ibanShaped.get(bsn.start()) && elevenCheck(bsn.group().replaceAll("\\D", ""))) {
                found.add(new Finding("bsn", bsn.start(), bsn.end()));
            }
        }
        add(found, "postcode", POSTCODE.matcher(text));
        add(found, "address", ADDRESS.matcher(text));
        Matcher addressed = ADDRESSED.matcher(text);
        while (addressed.find()) {
            found.add(new Finding("name", addressed.start(1), addressed.end(1)));
        }
        if (!names.isEmpty()) {
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (names.contains(word.group())) {
                    found.add(new Finding("name", word.start(), word.end()));
                }
            }
        }
        return withoutOverlaps(found);
    }

    /**
     * Where an e-mail address found by {@link #EMAIL} ends: after the last label of its domain that begins with
     * at least two letters (the top-level domain, cut after its letters), or 0 when no label after the first
     * one does. The labels are read from the end, each character once.
     */
    private static int topLevelDomainEnd(CharSequence text, int start, int end) {
        int labelEnd = end;
        for (int i = end - 1; i >= start && text.charAt(i) != '@'; i--) {
            if (text.charAt(i) == '.') {
                int letters = 0;
                while (i + 1 + letters < labelEnd && isAsciiLetter(text.charAt(i + 1 + letters))) {
                    letters++;
                }
                if (letters >= 2) {
                    return i + 1 + letters;
                }
                labelEnd = i;
            }
        }
        return 0;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Dutch BSN 11-check: 9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (and not all zeros). */
    static boolean elevenCheck(String digits) {
        if (digits.length() != 9 || digits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers (A = 10), mod 97 = 1. */
    static boolean ibanChecksum(String iban) {
        String compact = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder number = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            if (Character.isDigit(ch)) {
                number.append(ch);
            } else if (ch >= 'A' && ch <= 'Z') {
                number.append(ch - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(number.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static void add(List<Finding> found, String kind, Matcher m) {
        while (m.find()) {
            found.add(new Finding(kind, m.start(), m.end()));
        }
    }

    /** Keeps the first of overlapping findings (longest first at equal start), in text order. */
    private static List<Finding> withoutOverlaps(List<Finding> found) {
        found.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> kept = new ArrayList<>();
        int end = -1;
        for (Finding f : found) {
            if (f.start() >= end) {
                kept.add(f);
                end = f.end();
            }
        }
        return kept;
    }
}
