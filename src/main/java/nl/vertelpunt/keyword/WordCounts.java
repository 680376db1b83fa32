package nl.vertelpunt.keyword;

import java.util.Arrays;

/**
 * Counts stories per word in two groups: per stem, the stories that use any of its forms (written or inside a
 * compound; a story counts once per stem), and per form, the stories that write it as a word (to pick the form to
 * show). Fed one story at a time with the signed form ids of {@code story.keyword_forms}. Plain Java, not thread-safe.
 */
final class WordCounts {

    private KeywordIndex.Vocabulary vocabulary;
    private int[] focusTerms;
    private int[] referenceTerms;
    private int[] formStories;
    private int[] lastStory;
    private int story;

    WordCounts(KeywordIndex.Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        focusTerms = new int[vocabulary.terms().length];
        referenceTerms = new int[vocabulary.terms().length];
        formStories = new int[vocabulary.forms().length];
        lastStory = new int[vocabulary.terms().length];
        Arrays.fill(lastStory, -1);
    }

    /** These counts over a larger vocabulary (the old one's ids and stems keep their places). */
    WordCounts with(KeywordIndex.Vocabulary larger) {
        vocabulary = larger;
        focusTerms = Arrays.copyOf(focusTerms, larger.terms().length);
        referenceTerms = Arrays.copyOf(referenceTerms, larger.terms().length);
        formStories = Arrays.copyOf(formStories, larger.forms().length);
        int old = lastStory.length;
        lastStory = Arrays.copyOf(lastStory, larger.terms().length);
        Arrays.fill(lastStory, old, lastStory.length, -1);
        return this;
    }

    /**
     * Counts one story; false (and nothing counted) when it has a form this vocabulary does not know yet.
     */
    boolean add(int[] signedIds, boolean focus) {
        String[] forms = vocabulary.forms();
        for (int id : signedIds) {
            int f = Math.abs(id);
            if (f >= forms.length || forms[f] == null) {
                return false;
            }
        }
        int[] terms = focus ? focusTerms : referenceTerms;
        int[] termOf = vocabulary.termOf();
        int s = story++;
        for (int id : signedIds) {
            int t = termOf[Math.abs(id)];
            if (lastStory[t] != s) {
                lastStory[t] = s;
                terms[t]++;
            }
            if (id > 0) {
                formStories[id]++;
            }
        }
        return true;
    }

    int focus(int term) {
        return focusTerms[term];
    }

    int reference(int term) {
        return referenceTerms[term];
    }

    /**
     * Per stem, the form written as a word in most stories of the two groups (ties: the first in alphabetical order);
     * null for a stem no story of the two groups writes as a word.
     */
    String[] surfaceForms(KeywordIndex.Vocabulary v) {
        String[] best = new String[v.terms().length];
        int[] bestCount = new int[best.length];
        String[] forms = v.forms();
        int[] termOf = v.termOf();
        for (int f = 1; f < formStories.length; f++) {
            int n = formStories[f];
            if (n == 0) {
                continue;
            }
            int t = termOf[f];
            if (n > bestCount[t] || (n == bestCount[t] && forms[f].compareTo(best[t]) < 0)) {
                best[t] = forms[f];
                bestCount[t] = n;
            }
        }
        return best;
    }
}
