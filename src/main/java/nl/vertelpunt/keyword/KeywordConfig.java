package nl.vertelpunt.keyword;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which words the keyness analysis tests and shows. */
@ConfigMapping(prefix = "vertelpunt.keywords")
public interface KeywordConfig {

    /** How often a replica analyses the words of stories that have none stored yet ("off": at start-up only). */
    @WithDefault("1m")
    String indexEvery();

    /** A word is tested only when at least this many stories of the two groups use it (raised to the threshold k). */
    @WithDefault("5")
    int minStories();

    /** A word is shown when its Benjamini–Hochberg q is at most this. */
    @WithDefault("0.05")
    double maxQ();

    /** ... and when its log ratio is at least this far from 0 (1: twice or half as common). */
    @WithDefault("1.0")
    double minLogRatio();
}
