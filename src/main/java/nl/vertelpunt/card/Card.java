package nl.vertelpunt.card;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An observation card (observatiekaart): one pattern of one evaluation run, in words, with typical stories. */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "story_point_id")
    public long storyPointId;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "pattern_key")
    public String patternKey;

    /** The card's short number within its story point ("Kaart 7"), given once and never again (V9). */
    public int number;

    public int version;

    public String title;

    public String observation;

    @Column(name = "interpretation_a")
    public String interpretationA;

    @Column(name = "interpretation_b")
    public String interpretationB;

    public boolean published;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<Card> listFor(long storyPointId) {
        return list("storyPointId = ?1 order by createdAt, id", storyPointId);
    }

    /** Whether the pattern already has a card at the story point (a module-wide pattern may have one per story point). */
    public static boolean existsFor(UUID runId, String patternKey, long storyPointId) {
        return count("runId = ?1 and patternKey = ?2 and storyPointId = ?3", runId, patternKey, storyPointId) > 0;
    }
}
