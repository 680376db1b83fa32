package nl.vertelpunt.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An improvement proposal (verbetervoorstel): what we should do, so that what, and who takes it forward. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    public static final List<String> STATUSES = List.of("proposed", "adopted", "in_progress", "done", "dropped");

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "table_id")
    public UUID tableId;

    public String title;

    public String action;

    public String goal;

    public String owner;

    public String status;

    public boolean published;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<Proposal> listFor(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt, id", sessionId);
    }
}
