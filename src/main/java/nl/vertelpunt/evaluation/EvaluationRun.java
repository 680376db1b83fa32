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

/**
 * One pattern evaluation: what was asked, where it stands, and when done its result (JSON). It analyses one story point
 * ({@code storyPointId}), or a question module's version across story points ({@code moduleId}, {@code moduleVersion};
 * the story points covered are in {@code evaluation_run_story_point}, see {@link EvaluationScopes#covered}).
 */
@Entity
@Table(name = "evaluation_run")
public class EvaluationRun extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    /** The story point evaluated, or null for a module-wide run. */
    @Column(name = "story_point_id")
    public Long storyPointId;

    /** The question module evaluated across story points, or null. */
    @Column(name = "module_id")
    public String moduleId;

    /** The module version whose questions a module-wide run analyses, or null. */
    @Column(name = "module_version")
    public Integer moduleVersion;

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

    /** The runs of a story point and the module-wide runs that cover it, newest first. */
    @SuppressWarnings("unchecked")
    public static List<EvaluationRun> listFor(long storyPointId) {
        List<UUID> ids = getEntityManager()
                .createNativeQuery("SELECT id FROM evaluation_run WHERE story_point_id = ?1 UNION "
                        + "SELECT run_id FROM evaluation_run_story_point WHERE story_point_id = ?1")
                .setParameter(1, storyPointId)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by createdAt desc, id", ids);
    }
}
