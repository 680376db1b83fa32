package nl.vertelpunt.comparison;

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

/** One comparison: what was asked, where it stands, and when done its result (JSON). */
@Entity
@Table(name = "comparison_run")
public class ComparisonRun extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String DONE = "done";

    @Id
    public UUID id;

    @Column(name = "story_point_id")
    public Long storyPointId;

    public String module;

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

    @Column(name = "focus_count")
    public Integer focusCount;

    @Column(name = "reference_count")
    public Integer referenceCount;

    @Column(name = "focus_fingerprint")
    public String focusFingerprint;

    @Column(name = "reference_fingerprint")
    public String referenceFingerprint;

    @Basic(fetch = FetchType.LAZY)
    public String result;

    public String error;

    /** The comparisons within a story point and those across the given modules (the ones it includes), newest first. */
    public static List<ComparisonRun> listFor(long storyPointId, List<String> modules) {
        return modules.isEmpty()
                ? list("storyPointId = ?1 order by createdAt desc", storyPointId)
                : list("storyPointId = ?1 or module in ?2 order by createdAt desc", storyPointId, modules);
    }
}
