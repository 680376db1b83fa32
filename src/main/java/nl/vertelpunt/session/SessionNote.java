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

/** A note at a table: what surprises, worries or shows a chance, on a card or on the whole. */
@Entity
@Table(name = "session_note")
public class SessionNote extends PanacheEntityBase {

    public static final List<String> KINDS = List.of("surprise", "worry", "chance", "other");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "table_id")
    public UUID tableId;

    @Column(name = "card_id")
    public UUID cardId;

    public String kind;

    public String text;

    @Column(name = "proposal_id")
    public UUID proposalId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static List<SessionNote> listForTables(List<UUID> tableIds) {
        return tableIds.isEmpty() ? List.of() : list("tableId in ?1 order by createdAt, id", tableIds);
    }
}
