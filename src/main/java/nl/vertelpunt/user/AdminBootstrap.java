package nl.vertelpunt.user;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates the first admin at the first start: from VERTELPUNT_ADMIN_PASSWORD, or with a generated password shown once. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(
            @Observes StartupEvent event,
            UserService users,
            @ConfigProperty(name = "vertelpunt.admin.password") Optional<String> password) {
        try {
            users.bootstrapAdmin(password)
                    .ifPresent(generated -> LOG.warnf(
                            "%n%n    First start: user 'admin' was created with the password%n%n        %s%n%n"
                                    + "    It is shown only this once. Sign in and change it, or set VERTELPUNT_ADMIN_PASSWORD before the first start.%n",
                            generated));
        } catch (RuntimeException e) {
            // another replica created it at the same moment
            LOG.debugf("Admin bootstrap skipped: %s", e.getMessage());
        }
    }
}
