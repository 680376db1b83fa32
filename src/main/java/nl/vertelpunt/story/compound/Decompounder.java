package nl.vertelpunt.story.compound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Splits Dutch compounds into the words they are made of, so that a search for "wachten" finds the "wachtlijst"
 * and "hulp" the "jeugdhulp", while "acht" never finds "wachtlijst": a word is split only where it is covered
 * entirely by dictionary words that may stand at that place in a compound.
 *
 * <p>Which words may begin, continue or end a compound comes from OpenTaal's Dutch Hunspell dictionary
 * (COMPOUNDBEGIN, COMPOUNDMIDDLE, COMPOUNDEND, ONLYINCOMPOUND; its linking forms such as "gezins" and "kinder"
 * and inflected last parts such as "lijsten" included; "kinder" also gives "kind"), extracted by {@code src/main/python/opentaal_compounds.py}
 * into {@code nl-compounds.txt.gz} (BSD-3-Clause and/or CC BY 3.0, see {@code OPENTAAL-LICENCE.txt}), plus a few
 * words of this project in {@code nl-compounds-extra.txt}. Prefixes and particles ("ver", "over", "onder") and
 * suffix-like words ("lijk" at the end) are no parts there, so "verwachten", "overleden", "onderwijs" and
 * "tijdelijk" stay whole. The dictionary's literal CHECKCOMPOUNDPATTERN rules and CHECKCOMPOUNDDUP hold too.
 *
 * <p>A word is split into the fewest parts possible (every split with that number of parts counts), and each part
 * is split again: "jeugdhulpverlener" gives jeugd, hulpverlener, jeugdhulp, verlener and hulp. The parts are
 * returned as they are written in the word ("gezins", "lijsten"); PostgreSQL's Dutch stemmer makes them "gezin" and
 * "lijst", as it does with the words of a search. Plain Java, thread-safe; the dictionary is read once per JVM.
 */
public final class Decompounder {

    private static final byte BEGIN = 1;
    private static final byte MIDDLE = 2;
    private static final byte END = 4;
    private static final byte ONLY_INSIDE = 8;
    private static final int MIN_PART = 2;
    /** Longer words are left whole: nobody writes them, and the split costs time cubic in the length. */
    private static final int MAX_WORD = 60;
    /** At most this many splits of one word are followed. */
    private static final int MAX_SPLITS = 16;

    private static final int CACHE_LIMIT = 200_000;
    private static final String[] NONE = new String[0];

    private static final class Dutch {
        static final Decompounder INSTANCE = load();
    }

    private final Map<String, Byte> places;
    private final String[][] forbidden;
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    Decompounder(Map<String, Byte> places, List<String[]> forbidden) {
        this.places = places;
        this.forbidden = forbidden.toArray(new String[0][]);
    }

    /** The Dutch decompounder, on OpenTaal's dictionary (read at first use, about 0.2 s). */
    public static Decompounder dutch() {
        return Dutch.INSTANCE;
    }

    /**
     * The words a compound is made of, its parts split again, without the word itself; empty when the word is
     * no compound. Upper case is read as lower case; anything but letters makes it no compound.
     */
    public List<String> parts(String word) {
        return List.of(split(normalize(word)));
    }

    /**
     * The parts of every compound in a story's title and text, each once, in the order they first occur, separated
     * by spaces: what the search indexes beside the words themselves. Empty when there are none.
     */
    public String searchText(String title, String text) {
        Set<String> all = new LinkedHashSet<>();
        collect(title, all);
        collect(text, all);
        return String.join(" ", all);
    }

    private void collect(String text, Set<String> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String t = normalize(text);
        int n = t.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean letter = i < n && Character.isLetter(t.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 2 * MIN_PART && i - start <= MAX_WORD) {
                    String word = t.substring(start, i);
                    String[] parts = split(word);
                    into.addAll(singulars(word));
                    into.addAll(Arrays.asList(parts));
                    for (String part : parts) {
                        into.addAll(singulars(part));
                    }
                }
                start = -1;
            }
        }
    }

    /**
     * The singular of a plural that PostgreSQL's Dutch stemmer does not bring back to it, when the dictionary knows
     * it (as a word or a compound): a doubled consonant before "-en" ("gezinnen": stem "gezinn", so "gezin";
     * "pleeggezinnen": "pleeggezin"; the stemmer itself undoubles only kk, dd and tt) and "-eren" ("kinderen":
     * "kind", "liederen": "lied").
     */
    List<String> singulars(String word) {
        int n = word.length();
        if (n < 6 || !word.endsWith("en")) {
            return List.of();
        }
        List<String> found = new ArrayList<>(2);
        char c = word.charAt(n - 3);
        if (c == word.charAt(n - 4) && "aeiouydkt".indexOf(c) < 0) {
            String singular = word.substring(0, n - 3);
            if (known(singular)) {
                found.add(singular);
            }
        }
        if (word.endsWith("eren") && n - 4 >= 3) {
            String singular = word.substring(0, n - 4);
            if (known(singular)) {
                found.add(singular);
            }
        }
        return found;
    }

    /** Whether the dictionary has the word as a part that may end a compound, or it is a compound itself. */
    private boolean known(String word) {
        Byte p = places.get(word);
        return (p != null && (p & END) != 0) || split(word).length > 0;
    }

    private static String normalize(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace("ĳ", "ij");
        return Normalizer.isNormalized(lower, Normalizer.Form.NFC)
                ? lower
                : Normalizer.normalize(lower, Normalizer.Form.NFC);
    }

    /** The parts of one normalized word, from the cache. */
    private String[] split(String word) {
        if (word.length() < 2 * MIN_PART || word.length() > MAX_WORD) {
            return NONE;
        }
        String[] known = cache.get(word);
        if (known != null) {
            return known;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (List<String> split : fewestParts(word)) {
            for (String part : split) {
                parts.add(part);
                parts.addAll(Arrays.asList(split(part)));
                parts.addAll(base(part));
            }
        }
        String[] result = parts.isEmpty() ? NONE : parts.toArray(NONE);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(word, result);
        return result;
    }

    /**
     * The word inside a form that stands only in compounds, with the linking "-er-" of "kinderopvang" and
     * "runderlap": "kind", "rund" (the linking "-s-" of "gezins" needs nothing: the stemmer drops it).
     */
    private List<String> base(String part) {
        Byte p = places.get(part);
        if (p == null || (p & ONLY_INSIDE) == 0 || !part.endsWith("er") || part.length() < MIN_PART + 2) {
            return List.of();
        }
        String base = part.substring(0, part.length() - 2);
        return places.containsKey(base) ? List.of(base) : List.of();
    }

    /**
     * Every split of the word into at least two parts with the fewest parts: the first part may begin a compound,
     * the last may end one, the others may stand in the middle, and no two neighbours are forbidden together.
     */
    List<List<String>> fewestParts(String word) {
        int n = word.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return List.of();
            }
        }
        // place[i][j]: what the letters i..j-1 may be in a compound (0: no dictionary word)
        byte[][] place = new byte[n + 1][n + 1];
        for (int i = 0; i + MIN_PART <= n; i++) {
            for (int j = i + MIN_PART; j <= n; j++) {
                Byte p = places.get(word.substring(i, j));
                place[i][j] = p == null ? 0 : p;
            }
        }
        // fewest[i][j]: fewest parts that cover 0..j-1 with i..j-1 as the last of them (0: impossible)
        int[][] fewest = new int[n + 1][n + 1];
        for (int j = MIN_PART; j < n; j++) {
            if ((place[0][j] & BEGIN) != 0) {
                fewest[0][j] = 1;
            }
        }
        for (int j = MIN_PART; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (fewest[i][j] == 0) {
                    continue;
                }
                for (int l = j + MIN_PART; l <= n; l++) {
                    byte needed = l == n ? END : MIDDLE;
                    if ((place[j][l] & needed) == 0 || !mayMeet(word, i, j, l)) {
                        continue;
                    }
                    int count = fewest[i][j] + 1;
                    if (fewest[j][l] == 0 || count < fewest[j][l]) {
                        fewest[j][l] = count;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (fewest[i][n] != 0 && (best == 0 || fewest[i][n] < best)) {
                best = fewest[i][n];
            }
        }
        if (best == 0) {
            return List.of();
        }
        List<List<String>> splits = new ArrayList<>();
        for (int i = 1; i < n && splits.size() < MAX_SPLITS; i++) {
            if (fewest[i][n] == best) {
                back(word, place, fewest, i, n, new ArrayList<>(List.of(word.substring(i, n))), splits);
            }
        }
        return splits;
    }

    /** Follows the splits that end with part i..j-1 back to the start of the word. */
    private void back(
            String word, byte[][] place, int[][] fewest, int i, int j, List<String> tail, List<List<String>> splits) {
        if (splits.size() >= MAX_SPLITS) {
            return;
        }
        if (i == 0) {
            List<String> split = new ArrayList<>(tail);
            Collections.reverse(split);
            splits.add(split);
            return;
        }
        for (int h = 0; h < i; h++) {
            if (fewest[h][i] == fewest[i][j] - 1 && fewest[h][i] != 0 && mayMeet(word, h, i, j)) {
                tail.add(word.substring(h, i));
                back(word, place, fewest, h, i, tail, splits);
                tail.remove(tail.size() - 1);
            }
        }
    }

    /** Whether part h..i-1 may be followed by part i..j-1. */
    private boolean mayMeet(String word, int h, int i, int j) {
        if (i - h == j - i && word.regionMatches(h, word, i, i - h)) {
            return false; // CHECKCOMPOUNDDUP
        }
        for (String[] f : forbidden) {
            String end = f[0];
            String begin = f[1];
            if (end.length() <= i - h
                    && begin.length() <= j - i
                    && word.startsWith(end, i - end.length())
                    && word.startsWith(begin, i)) {
                return false;
            }
        }
        return true;
    }

    private static Decompounder load() {
        Map<String, Byte> places = new HashMap<>(100_000);
        List<String[]> forbidden = new ArrayList<>();
        try (InputStream in = Decompounder.class.getResourceAsStream("nl-compounds.txt.gz");
                InputStream extra = Decompounder.class.getResourceAsStream("nl-compounds-extra.txt")) {
            if (in == null || extra == null) {
                throw new IllegalStateException("the compound lexicon is missing from the class path");
            }
            read(new GZIPInputStream(in), places, forbidden);
            read(extra, places, forbidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Decompounder(places, forbidden);
    }

    /** Reads lines "form TAB places" (B, M, E, X) and "!end TAB begin"; '#' starts a comment line. */
    static void read(InputStream in, Map<String, Byte> places, List<String[]> forbidden) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int tab = line.indexOf('\t');
            if (line.isEmpty() || line.startsWith("#") || tab < 0) {
                continue;
            }
            if (line.startsWith("!")) {
                forbidden.add(new String[] {line.substring(1, tab), line.substring(tab + 1)});
                continue;
            }
            String marks = line.substring(tab + 1);
            byte p = 0;
            p |= marks.indexOf('B') >= 0 ? BEGIN : 0;
            p |= marks.indexOf('M') >= 0 ? MIDDLE : 0;
            p |= marks.indexOf('E') >= 0 ? END : 0;
            p |= marks.indexOf('X') >= 0 ? ONLY_INSIDE : 0;
            places.merge(line.substring(0, tab), p, (a, b) -> (byte) (a | b));
        }
    }
}
