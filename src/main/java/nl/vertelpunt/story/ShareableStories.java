package nl.vertelpunt.story;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether stories may be put in front of a group, on an observation card or a session table: they belong to
 * the story point, are not hidden, and are not flagged for personal data. Looks all of them up at once.
 */
public final class ShareableStories {

    /** A story as found at the story point. */
    public record Found(long pk, String text, boolean hidden, boolean flagged) {

        /** Why the story with this id may not be shown to a group, or null when it may. */
        public String refusal(String id) {
            if (hidden) {
                return "story " + id + " is hidden";
            }
            if (flagged) {
                return "story " + id + " may hold personal data: redact it or dismiss the flag first";
            }
            return null;
        }
    }

    private ShareableStories() {}

    /** The stories of the story point with these ids, by id; ids that are not there are left out. */
    @SuppressWarnings("unchecked")
    public static Map<String, Found> find(EntityManager em, long storyPointId, Collection<String> ids) {
        List<String> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Found> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT id, pk, text, hidden, flagged FROM story WHERE story_point_id = ?1 AND id IN (?2)")
                .setParameter(1, storyPointId)
                .setParameter(2, wanted)
                .getResultList();
        for (Object[] row : rows) {
            found.put(
                    (String) row[0],
                    new Found(((Number) row[1]).longValue(), (String) row[2], (Boolean) row[3], (Boolean) row[4]));
        }
        return found;
    }
}
