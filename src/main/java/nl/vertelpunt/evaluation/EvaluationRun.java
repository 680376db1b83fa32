package nl.vertelpunt.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One pattern evaluation: what was asked, where it stands, and when done its result (JSON). */
@Entity
@Table(name = "evaluation_run")
public class EvaluationRun extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "story_point_id")
    public long storyPointId;

    public String status;

    public double progress;

    /** The normalized request as JSON. */
    public String request;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int attempts;

    @Column(name = "story_count")
    public Integer storyCount;

    public String fingerprint;

    @Basic(fetch = FetchType.LAZY)
    public String result;

    public String error;

    public static List<EvaluationRun> listFor(long storyPointId) {
        return list("storyPointId = ?1 order by createdAt desc", storyPointId);
    }
}
