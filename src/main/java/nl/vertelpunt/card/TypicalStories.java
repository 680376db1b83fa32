package nl.vertelpunt.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses typical stories for a card from candidates inside the pattern's most distinct groups or cells:
 * only complete stories that are not hidden and carry no open personal-data flag; every group that has
 * one is represented; within a group the most typical come first (closest to the group's centre), and
 * among those the choice varies the storyteller's role and the story's length. Plain Java, no I/O.
 */
public final class TypicalStories {

    /**
     * A story that could be shown.
     *
     * @param group    the group or cell of the pattern it belongs to
     * @param distance how far it lies from the group's centre (smaller is more typical)
     */
    public record Candidate(
            long pk,
            String id,
            String group,
            String role,
            int words,
            double distance,
            boolean complete,
            boolean flagged,
            boolean hidden) {

        boolean eligible() {
            return complete && !flagged && !hidden;
        }
    }

    /** How many of the most typical stories of a group are considered for variety (at least twice the stories wanted). */
    private static final int POOL = 8;

    private TypicalStories() {}

    /**
     * Picks up to {@code perGroup} stories from each group, taking turns between the groups in the given
     * order, so that each group with an eligible story is represented.
     */
    public static List<Candidate> choose(List<Candidate> candidates, List<String> groups, int perGroup) {
        Map<String, List<Candidate>> pools = new LinkedHashMap<>();
        for (String group : groups) {
            pools.put(group, new ArrayList<>());
        }
        for (Candidate c : candidates) {
            List<Candidate> pool = pools.get(c.group());
            if (pool != null && c.eligible()) {
                pool.add(c);
            }
        }
        int window = Math.max(POOL, 2 * perGroup);
        for (Map.Entry<String, List<Candidate>> pool : pools.entrySet()) {
            List<Candidate> sorted = pool.getValue();
            sorted.sort(Comparator.comparingDouble(Candidate::distance).thenComparing(Candidate::id));
            pool.setValue(new ArrayList<>(sorted.subList(0, Math.min(window, sorted.size()))));
        }
        List<Candidate> chosen = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<Integer> lengths = new HashSet<>();
        for (int round = 0; round < perGroup; round++) {
            for (List<Candidate> pool : pools.values()) {
                Candidate best = null;
                int bestScore = -1;
                for (Candidate c : pool) {
                    if (taken.contains(c.pk())) {
                        continue;
                    }
                    int score = (roles.contains(c.role()) ? 0 : 2) + (lengths.contains(lengthClass(c.words())) ? 0 : 1);
                    if (score > bestScore) {
                        best = c;
                        bestScore = score;
                    }
                }
                if (best != null) {
                    chosen.add(best);
                    taken.add(best.pk());
                    roles.add(best.role());
                    lengths.add(lengthClass(best.words()));
                }
            }
        }
        return chosen;
    }

    /** Short (under 50 words), medium (under 150) or long. */
    static int lengthClass(int words) {
        return words < 50 ? 0 : words < 150 ? 1 : 2;
    }
}
