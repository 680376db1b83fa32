package nl.vertelpunt.user.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.vertelpunt.user.AppUser;
import nl.vertelpunt.user.UserService;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions of the web workspace, kept in the database so that every replica knows them. The cookie holds
 * a random token; the database only its hash. A session ends when idle for {@code idle} or at the latest
 * after {@code maximum}. Sign-in attempts are limited by {@link SignInGuard}, the same as for HTTP Basic.
 */
@ApplicationScoped
@Transactional
public class SessionService {

    public static final String COOKIE = "vp_session";

    /** A signed-in session: who, and the token every changing request must echo in {@code X-CSRF-Token}. */
    public record Session(UserService.Staff staff, String csrfToken) {}

    /** A new session: the cookie's token and the session. */
    public record Started(String token, Session session) {}

    private final EntityManager em;
    private final SignInGuard guard;
    private final Duration idle;
    private final Duration maximum;

    SessionService(
            EntityManager em,
            SignInGuard guard,
            @ConfigProperty(name = "vertelpunt.session.idle", defaultValue = "2h") Duration idle,
            @ConfigProperty(name = "vertelpunt.session.maximum", defaultValue = "12h") Duration maximum) {
        this.em = em;
        this.guard = guard;
        this.idle = idle;
        this.maximum = maximum;
    }

    /** Signs in; 401 for wrong credentials, 429 while {@link SignInGuard} holds attempts back. */
    public Started login(String username, String password, String clientAddress) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw ProblemException.invalid(List.of(
                    new FieldError(username == null || username.isBlank() ? "username" : "password", "is required")));
        }
        UserService.Staff staff =
                guard.check(username, password, clientAddress).orElseThrow(SignInGuard::wrongCredentials);
        String token = Tokens.random(32);
        String csrf = Tokens.random(24);
        Instant now = Instant.now();
        em.createNativeQuery(
                        "INSERT INTO staff_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?4, ?5)")
                .setParameter(1, Tokens.sha256(token))
                .setParameter(2, staff.id())
                .setParameter(3, csrf)
                .setParameter(4, now)
                .setParameter(5, now.plus(maximum))
                .executeUpdate();
        return new Started(token, new Session(staff, csrf));
    }

    /** The session of a cookie token, if it is valid; renews its idle time. */
    public Optional<Session> resolve(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at FROM staff_session s "
                                + "WHERE s.token_hash = ?1")
                .setParameter(1, hash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant now = Instant.now();
        Instant lastSeen = Tokens.instant(row[2]);
        Instant expires = Tokens.instant(row[3]);
        if (now.isAfter(expires) || now.isAfter(lastSeen.plus(idle))) {
            em.createNativeQuery("DELETE FROM staff_session WHERE token_hash = ?1")
                    .setParameter(1, hash)
                    .executeUpdate();
            return Optional.empty();
        }
        AppUser user = AppUser.findById(((Number) row[0]).longValue());
        if (user == null || !user.enabled) {
            return Optional.empty();
        }
        if (now.isAfter(lastSeen.plusSeconds(60))) {
            em.createNativeQuery("UPDATE staff_session SET last_seen_at = ?1 WHERE token_hash = ?2")
                    .setParameter(1, now)
                    .setParameter(2, hash)
                    .executeUpdate();
        }
        return Optional.of(new Session(
                new UserService.Staff(user.id, user.username, Set.copyOf(user.roles), Set.copyOf(user.storyPointIds)),
                (String) row[1]));
    }

    public void logout(String token) {
        if (token != null) {
            em.createNativeQuery("DELETE FROM staff_session WHERE token_hash = ?1")
                    .setParameter(1, Tokens.sha256(token))
                    .executeUpdate();
        }
    }

    /** Removes ended sessions. */
    public int removeExpired() {
        Instant now = Instant.now();
        return em.createNativeQuery("DELETE FROM staff_session WHERE expires_at < ?1 OR last_seen_at < ?2")
                .setParameter(1, now)
                .setParameter(2, now.minus(idle))
                .executeUpdate();
    }
}
