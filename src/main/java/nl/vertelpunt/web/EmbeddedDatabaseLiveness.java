package nl.vertelpunt.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /q/health/live}) of a service with an embedded PostgreSQL: DOWN once its supervisor could not bring
 * the server back within {@code vertelpunt.embedded-db.liveness-grace}, so that whatever watches the service may
 * restart it; UP again as soon as the server runs. With an external database always UP: restarting the service does
 * not bring a database back (readiness says whether it answers).
 */
@Liveness
@ApplicationScoped
public class EmbeddedDatabaseLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Embedded PostgreSQL");
        return EmbeddedDatabase.supervision()
                .map(status -> {
                    response.status(status.live())
                            .withData("supervised", true)
                            .withData("running", status.running())
                            .withData("restarts", status.restarts());
                    status.down()
                            .ifPresent(down -> response.withData("downSeconds", down.toSeconds())
                                    .withData("failedAttempts", status.failedAttempts()));
                    return response.build();
                })
                .orElseGet(() -> response.up().withData("supervised", false).build());
    }
}
