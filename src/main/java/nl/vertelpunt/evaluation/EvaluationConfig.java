package nl.vertelpunt.evaluation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How pattern evaluations run in the background. */
@ConfigMapping(prefix = "vertelpunt.evaluation")
public interface EvaluationConfig {

    /** How many evaluations this replica runs at the same time. */
    @WithDefault("1")
    int workers();

    /** How often a replica looks for queued evaluations. */
    @WithDefault("1s")
    Duration poll();

    /** A running evaluation whose worker has been silent this long is taken over by another (or a restarted) replica. */
    @WithDefault("30s")
    Duration heartbeatTimeout();

    /** How often a worker tells the database it is still busy. */
    @WithDefault("5s")
    Duration heartbeat();

    /** After this many starts an evaluation that keeps being interrupted is marked failed. */
    @WithDefault("3")
    int maxAttempts();
}
