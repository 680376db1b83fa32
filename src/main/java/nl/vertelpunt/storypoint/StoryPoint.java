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
import java.util.Optional;

/** A story point (vertelpunt): the stable identity behind its published versions. */
@Entity
@Table(name = "story_point")
public class StoryPoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "story_point_seq")
    @SequenceGenerator(name = "story_point_seq", sequenceName = "story_point_seq", allocationSize = 50)
    public Long id;

    public String slug;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "current_version_id")
    public Long currentVersionId;

    public static Optional<StoryPoint> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
