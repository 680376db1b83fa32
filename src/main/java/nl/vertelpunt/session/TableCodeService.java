package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import nl.vertelpunt.user.session.Throttle;
import nl.vertelpunt.user.session.Throttles;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A table's short code, typed by a participant, leads to the table's link ({@link TableCodes}). Wrong codes are
 * counted per client address in memory only (the address is never stored or logged): after {@code attempts} wrong
 * codes in the window, that address waits (429). Only wrong codes count, so a room of participants behind one
 * address (a school's Wi-Fi) can all type the right one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TableCodeService {

    /** Where a correct code leads: the table's page. */
    public record Resolved(String path) {}

    private final Throttle wrongCodes;

    TableCodeService(
            Throttles throttles,
            @ConfigProperty(name = "vertelpunt.table-code.attempts", defaultValue = "20") int attempts,
            @ConfigProperty(name = "vertelpunt.table-code.window", defaultValue = "10m") Duration window) {
        this.wrongCodes = throttles.create(attempts, window);
    }

    /**
     * The table page of a code: 404 for a code no table has (it counts as a wrong guess), 410 for a link that has
     * ended, 422 for something that cannot be a code (it does not count), 429 after too many wrong codes.
     */
    public Resolved resolve(String typed, String clientAddress) {
        long wait = wrongCodes.blockedFor(clientAddress);
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "Too many wrong codes from your address. Try again in " + wait + " seconds.", wait);
        }
        String code = TableCodes.normalize(typed);
        if (code == null) {
            throw ProblemException.invalid(
                    "code", "must be " + TableCodes.LENGTH + " letters and digits, as on the screen or paper");
        }
        SessionTable t = SessionTable.byCodeHash(Tokens.sha256(code)).orElse(null);
        if (t == null || t.codeKey == null) {
            wrongCodes.count(clientAddress);
            throw ProblemException.notFound("No table has this code.");
        }
        if (!t.tokenExpiresAt.isAfter(Instant.now())) {
            throw new ProblemException(
                    410, "Link expired", "This table link has expired. Ask the facilitator for a new one.");
        }
        return new Resolved("/t/" + TableCodes.token(t.codeKey, code));
    }
}
