package nl.vertelpunt.storypoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One published version of a story point's definition. Stories keep the version they answered; a
 * version is rewritten in place (its revision goes up) only while no story refers to it.
 */
@Entity
@Table(name = "story_point_version")
public class StoryPointVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "story_point_version_seq")
    @SequenceGenerator(name = "story_point_version_seq", sequenceName = "story_point_version_seq", allocationSize = 50)
    public Long id;

    @Column(name = "story_point_id")
    public Long storyPointId;

    public int version;

    public int revision;

    /** The canonical JSON of the definition. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Whether a story answered this version: then it is no longer rewritten in place, and its answers keep their meaning. */
    public boolean hasStories() {
        return !getEntityManager()
                .createNativeQuery("SELECT 1 FROM story WHERE version_id = ?1 LIMIT 1")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    public static List<StoryPointVersion> listFor(long storyPointId) {
        return list("storyPointId = ?1 order by version", storyPointId);
    }

    public static Optional<StoryPointVersion> findVersion(long storyPointId, int version) {
        return find("storyPointId = ?1 and version = ?2", storyPointId, version).firstResultOptional();
    }
}
