package nl.vertelpunt.monitor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pattern evaluation of a story point made every quarter or month, with the request it runs. */
@Entity
@Table(name = "evaluation_schedule")
public class EvaluationSchedule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "story_point_id")
    public long storyPointId;

    /** "quarter" or "month". */
    public String every;

    /** "last-period" (the stories of the period before the run's) or "all" (the request's filter as it is). */
    public String covers;

    /** The normalized evaluation request as JSON, with the story point's slug. */
    public String request;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<EvaluationSchedule> listFor(long storyPointId) {
        return list("storyPointId = ?1 order by createdAt, id", storyPointId);
    }
}
