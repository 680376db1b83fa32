package nl.vertelpunt.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A table (group) of a session, reached through a link whose token is kept only as a hash. */
@Entity
@Table(name = "session_table")
public class SessionTable extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public String name;

    public int position;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

    /** The SHA-256 of the link's short code ({@link TableCodes}), or null without a link. */
    @Column(name = "code_hash")
    public String codeHash;

    /** The random key the link's token follows from with the short code, or null without a link. */
    @Column(name = "code_key")
    public String codeKey;

    public static List<SessionTable> listFor(UUID sessionId) {
        return list("sessionId = ?1 order by position, name", sessionId);
    }

    public static Optional<SessionTable> byCodeHash(String hash) {
        return find("codeHash", hash).firstResultOptional();
    }

    public static Optional<SessionTable> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }
}
