package nl.vertelpunt.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers the embedded PostgreSQL for every {@code @QuarkusTest} in the run. */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {

    private TestDatabase() {}
}
