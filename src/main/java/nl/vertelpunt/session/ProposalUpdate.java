package nl.vertelpunt.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What was decided about a proposal, or how it went on. */
@Entity
@Table(name = "proposal_update")
public class ProposalUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "proposal_id")
    public UUID proposalId;

    public String status;

    public String note;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_at")
    public Instant doneAt;

    public static List<ProposalUpdate> listFor(List<UUID> proposalIds) {
        return proposalIds.isEmpty() ? List.of() : list("proposalId in ?1 order by doneAt, id", proposalIds);
    }
}
