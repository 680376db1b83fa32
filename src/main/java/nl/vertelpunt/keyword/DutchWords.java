package nl.vertelpunt.keyword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vertelpunt.moderation.ModerationService;
import nl.vertelpunt.story.compound.Decompounder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of a story, as the keyword analysis counts them: Lucene's Dutch analysis ({@link DutchAnalyzer}: the
 * Unicode word tokenizer, lower case, the Snowball Dutch stop words plus a few pronouns and the words of the redaction
 * marker, the Snowball Dutch stemmer, the same algorithm as PostgreSQL's {@code dutch} search configuration), so that
 * "wachten", "wacht" and "wachtte" are one word. Each word keeps the form it was written in (lower case), from which
 * the analysis shows the most common one, never the stem. Compounds are split as the search splits them ({@link
 * Decompounder}: "jeugdhulpverlener" also uses "hulp"), and their parts are marked as parts: they count as words the
 * story uses, like the search finds them, but a part is never shown as a form of its own. Tokens with a digit and
 * tokens of one letter are no words. A redacted span ({@value ModerationService#REDACTED}) leaves nothing behind.
 * Plain Java, thread-safe.
 */
public final class DutchWords {

    /** A word of a story: the form as written (lower case), its stem, and whether it stood only inside a compound. */
    public record Word(String form, String term, boolean part) {}

    /** Pronouns and forms of "to be" that the Snowball list lacks, and what a redaction leaves. */
    private static final List<String> EXTRA_STOP_WORDS = List.of(
            "we",
            "wij",
            "jij",
            "jou",
            "jouw",
            "jullie",
            "onze",
            "hen",
            "mijn",
            "zijn",
            "heel",
            "gaat",
            "gaan",
            "verwijderd");

    private static final Analyzer ANALYZER = analyzer();

    private DutchWords() {}

    private static Analyzer analyzer() {
        CharArraySet stop = new CharArraySet(DutchAnalyzer.getDefaultStopSet(), false);
        stop.addAll(EXTRA_STOP_WORDS);
        return new DutchAnalyzer(CharArraySet.unmodifiableSet(stop));
    }

    /**
     * The distinct words of a story's title and text: each form once, a form written as a word anywhere marked as no
     * part. Null title or text count as empty.
     */
    public static List<Word> of(String title, String text) {
        Map<String, Word> words = new LinkedHashMap<>();
        collect(title, words);
        collect(text, words);
        return new ArrayList<>(words.values());
    }

    private static void collect(String source, Map<String, Word> into) {
        if (source == null || source.isEmpty()) {
            return;
        }
        String s = normalize(source.replace(ModerationService.REDACTED, " "));
        List<String> compounds = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String form =
                        s.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                if (!isWord(form)) {
                    continue;
                }
                into.put(form, new Word(form, term.toString(), false));
                compounds.add(form);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Decompounder decompounder = Decompounder.dutch();
        for (String compound : compounds) {
            for (String part : decompounder.parts(compound)) {
                if (!into.containsKey(part) && isWord(part)) {
                    String stem = stem(part);
                    if (stem != null) {
                        into.put(part, new Word(part, stem, true));
                    }
                }
            }
        }
    }

    /** The stem of one word, or null when it is a stop word. */
    static String stem(String word) {
        try (TokenStream ts = ANALYZER.tokenStream("text", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String stem = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWord(String form) {
        if (form.length() < 2) {
            return false;
        }
        for (int i = 0; i < form.length(); i++) {
            if (Character.isDigit(form.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String normalize(String s) {
        String t = s.replace("ĳ", "ij").replace("Ĳ", "IJ");
        return Normalizer.isNormalized(t, Normalizer.Form.NFC) ? t : Normalizer.normalize(t, Normalizer.Form.NFC);
    }
}
