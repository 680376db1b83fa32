package nl.vertelpunt.user;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Texts;

/** Staff accounts: checking passwords, creating users and assigning them to story points. */
@ApplicationScoped
@Transactional
public class UserService {

    /** What a signed-in staff member is: name, roles and the story points they work on. */
    public record Staff(long id, String username, Set<String> roles, Set<Long> storyPointIds) {}

    /** A user as the API shows it. */
    public record UserView(
            String username, Set<String> roles, List<String> storyPoints, boolean enabled, Instant createdAt) {}

    /** Input to create or change a user; null fields stay as they are on change. */
    public record UserInput(
            String username, String password, List<String> roles, List<String> storyPoints, Boolean enabled) {}

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    private static final long VERIFIED_TTL_MILLIS = 10 * 60 * 1000;
    /** bcrypt of a random password, checked for unknown users so timing does not tell which names exist. */
    private static final String DUMMY_HASH = PasswordHasher.hash(PasswordHasher.generate());

    private record Verified(String passwordHash, long until) {}

    /**
     * Successful checks, keyed by an HMAC of name and password under a key that exists only in this
     * process, so that scripts using Basic authentication do not pay for bcrypt on every request.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private final byte[] cacheKey = new byte[32];

    UserService() {
        new SecureRandom().nextBytes(cacheKey);
    }

    /** The staff member with this name and password, if both are right and the account is enabled. */
    @ActivateRequestContext
    public Optional<Staff> authenticate(String username, String password) {
        // a name PostgreSQL cannot hold (U+0000) belongs to nobody; it is not looked up
        Optional<AppUser> found = Texts.problem(username) != null
                ? Optional.empty()
                : AppUser.findByUsername(username).filter(u -> u.enabled);
        if (found.isEmpty()) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        AppUser user = found.get();
        String key = cacheKey(username, password);
        Verified hit = verified.get(key);
        long now = System.currentTimeMillis();
        boolean ok = hit != null && hit.until() > now && hit.passwordHash().equals(user.passwordHash);
        if (!ok) {
            ok = PasswordHasher.verify(password, user.passwordHash);
            if (ok) {
                verified.entrySet().removeIf(e -> e.getValue().until() <= now);
                verified.put(key, new Verified(user.passwordHash, now + VERIFIED_TTL_MILLIS));
            }
        }
        return ok ? Optional.of(staff(user)) : Optional.empty();
    }

    /** Creates the first admin when there is no user at all. Returns the generated password, if one was made. */
    public Optional<String> bootstrapAdmin(Optional<String> configuredPassword) {
        if (AppUser.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(PasswordHasher::generate);
        AppUser admin = new AppUser();
        admin.username = "admin";
        admin.passwordHash = PasswordHasher.hash(password);
        admin.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        admin.enabled = true;
        admin.roles.add(StaffRole.ADMIN);
        admin.persist();
        Log.info("Created the first admin user 'admin'");
        return configuredPassword.filter(p -> !p.isBlank()).isPresent() ? Optional.empty() : Optional.of(password);
    }

    public UserView create(UserInput input) {
        requireBody(input);
        List<FieldError> errors = new ArrayList<>();
        if (input.username() == null || !USERNAME.matcher(input.username()).matches()) {
            errors.add(new FieldError("username", "must be 2 to 64 lowercase letters, digits, '.', '_' or '-'"));
        } else if (AppUser.findByUsername(input.username()).isPresent()) {
            errors.add(new FieldError("username", "'" + input.username() + "' already exists"));
        }
        String weakness = PasswordHasher.weakness(input.password());
        if (weakness != null) {
            errors.add(new FieldError("password", weakness));
        }
        if (input.roles() == null || input.roles().isEmpty()) {
            errors.add(new FieldError("roles", "at least one of admin, analyst, facilitator is required"));
        }
        Set<String> roles = roles(input.roles(), errors);
        Set<Long> points = storyPoints(input.storyPoints(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AppUser user = new AppUser();
        user.username = input.username();
        user.passwordHash = PasswordHasher.hash(input.password());
        user.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        user.enabled = input.enabled() == null || input.enabled();
        user.roles.addAll(roles);
        user.storyPointIds.addAll(points);
        user.persist();
        return view(user);
    }

    public UserView update(String username, UserInput input) {
        requireBody(input);
        AppUser user = AppUser.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("There is no user '" + username + "'."));
        List<FieldError> errors = new ArrayList<>();
        if (input.username() != null && !input.username().equals(username)) {
            errors.add(new FieldError("username", "cannot be changed"));
        }
        if (input.password() != null) {
            String weakness = PasswordHasher.weakness(input.password());
            if (weakness != null) {
                errors.add(new FieldError("password", weakness));
            }
        }
        if (input.roles() != null && input.roles().isEmpty()) {
            errors.add(new FieldError("roles", "at least one of admin, analyst, facilitator is required"));
        }
        Set<String> roles = roles(input.roles(), errors);
        Set<Long> points = storyPoints(input.storyPoints(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean passwordChanged = input.password() != null;
        if (passwordChanged) {
            user.passwordHash = PasswordHasher.hash(input.password());
        }
        if (input.roles() != null) {
            user.roles.clear();
            user.roles.addAll(roles);
        }
        if (input.storyPoints() != null) {
            user.storyPointIds.clear();
            user.storyPointIds.addAll(points);
        }
        if (input.enabled() != null) {
            user.enabled = input.enabled();
        }
        if (passwordChanged || !user.enabled) {
            // a new password or a disabled account ends every workspace session of the user, on every device
            AppUser.getEntityManager()
                    .createNativeQuery("DELETE FROM staff_session WHERE user_id = ?1")
                    .setParameter(1, user.id)
                    .executeUpdate();
        }
        return view(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        List<AppUser> users = AppUser.list("order by username");
        return users.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String username) {
        return AppUser.findByUsername(username)
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("There is no user '" + username + "'."));
    }

    private static void requireBody(UserInput input) {
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with the user's fields is expected");
        }
    }

    private Staff staff(AppUser user) {
        return new Staff(user.id, user.username, Set.copyOf(user.roles), Set.copyOf(user.storyPointIds));
    }

    private UserView view(AppUser user) {
        List<String> slugs = user.storyPointIds.isEmpty()
                ? List.of()
                : StoryPoint.<StoryPoint>list("id in ?1 order by slug", user.storyPointIds).stream()
                        .map(p -> p.slug)
                        .toList();
        return new UserView(user.username, new TreeSet<>(user.roles), slugs, user.enabled, user.createdAt);
    }

    private static Set<String> roles(List<String> input, List<FieldError> errors) {
        Set<String> roles = new HashSet<>();
        if (input == null) {
            return roles;
        }
        for (int i = 0; i < input.size(); i++) {
            String r = input.get(i);
            Optional<String> role = StaffRole.parse(r);
            if (role.isEmpty()) {
                errors.add(new FieldError("roles[" + i + "]", "'" + r + "' is not one of admin, analyst, facilitator"));
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }

    private static Set<Long> storyPoints(List<String> slugs, List<FieldError> errors) {
        Set<Long> ids = new HashSet<>();
        if (slugs == null) {
            return ids;
        }
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            Optional<StoryPoint> point = slug == null ? Optional.empty() : StoryPoint.findBySlug(slug);
            if (point.isEmpty()) {
                errors.add(new FieldError("storyPoints[" + i + "]", "there is no story point '" + slug + "'"));
            } else {
                ids.add(point.get().id);
            }
        }
        return ids;
    }

    private String cacheKey(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
