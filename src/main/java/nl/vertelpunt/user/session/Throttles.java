package nl.vertelpunt.user.session;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the service's in-memory throttles and sweeps them every half minute, so that a client address is
 * forgotten shortly after its window ends even when no further request comes to sweep it.
 */
@ApplicationScoped
public class Throttles {

    private final List<Throttle> all = new CopyOnWriteArrayList<>();

    /** A new throttle of {@code limit} attempts per {@code window}, swept by this bean. */
    public Throttle create(int limit, Duration window) {
        Throttle throttle = new Throttle(limit, window);
        all.add(throttle);
        return throttle;
    }

    @Scheduled(identity = "throttle-sweep", every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        all.forEach(Throttle::sweep);
    }
}
