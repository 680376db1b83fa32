package nl.vertelpunt.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A sense-making session (duidingsbijeenkomst) of a story point. */
@Entity
@Table(name = "sense_session")
public class SenseSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "story_point_id")
    public long storyPointId;

    public String title;

    @Column(name = "held_on")
    public LocalDate heldOn;

    public String place;

    public boolean online;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<SenseSession> listFor(long storyPointId) {
        return list("storyPointId = ?1 order by heldOn desc, createdAt desc", storyPointId);
    }
}
