package nl.vertelpunt.story;

import java.util.Arrays;
import java.util.Optional;

/** How a story reached Vertelpunt. */
public enum Channel {
    /** Told by the storyteller on the public web form. */
    ONLINE,
    /** Taken down by a facilitator at a story circle. */
    VERTELTAFEL,
    /** Typed in from a paper form. */
    PAPIER,
    /** Imported from a file. */
    IMPORT;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Channel> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
