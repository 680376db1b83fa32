package nl.vertelpunt.user.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.vertelpunt.user.UserService;
import nl.vertelpunt.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one door for a user name and password, whichever way they come (the workspace's sign-in or HTTP Basic): it
 * applies the {@link SignInLimits} before the password is checked. The client address only keys the in-memory
 * counts; it is never stored or logged.
 */
@ApplicationScoped
public class SignInGuard {

    private final UserService users;
    private final SignInLimits limits;

    SignInGuard(
            UserService users,
            @ConfigProperty(name = "vertelpunt.sign-in.free-failures", defaultValue = "5") int freeFailures,
            @ConfigProperty(name = "vertelpunt.sign-in.address-free-failures", defaultValue = "20")
                    int addressFreeFailures,
            @ConfigProperty(name = "vertelpunt.sign-in.account-failures", defaultValue = "10") int accountFailures,
            @ConfigProperty(name = "vertelpunt.sign-in.max-delay", defaultValue = "15m") Duration maxDelay,
            @ConfigProperty(name = "vertelpunt.sign-in.window", defaultValue = "1h") Duration window) {
        this.users = users;
        this.limits = new SignInLimits(
                freeFailures, addressFreeFailures, accountFailures, maxDelay, window, Clock.systemUTC());
    }

    /**
     * The staff member with this name and password, checked only when the limits allow an attempt now.
     *
     * @throws ProblemException 429 with the seconds to wait, when the limits do not allow an attempt now
     */
    public Optional<UserService.Staff> check(String username, String password, String address) {
        SignInLimits.Decision decision = limits.begin(username, address);
        if (!decision.allowed()) {
            throw ProblemException.tooManyAttempts(
                    "Too many failed sign-ins. Try again in " + decision.retryAfterSeconds() + " seconds.",
                    decision.retryAfterSeconds());
        }
        Optional<UserService.Staff> staff = users.authenticate(username, password);
        if (staff.isPresent()) {
            limits.succeeded(username, address);
        }
        return staff;
    }

    /** The limits' counts held in memory (tests check that they are forgotten). */
    SignInLimits limits() {
        return limits;
    }

    @Scheduled(identity = "sign-in-sweep", every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        limits.sweep();
    }

    /** A sign-in refused with 401, the same for an unknown name and a wrong password. */
    public static ProblemException wrongCredentials() {
        return new ProblemException(401, "Unauthorized", "The user name or password is not right.", List.of());
    }
}
