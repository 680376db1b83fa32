package nl.vertelpunt.user;

import java.util.Arrays;
import java.util.Optional;

/** What a staff account may do. Admins manage everything; the others work on assigned story points. */
public final class StaffRole {

    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String FACILITATOR = "facilitator";

    private StaffRole() {}

    public static Optional<String> parse(String role) {
        return Arrays.asList(ADMIN, ANALYST, FACILITATOR).contains(role) ? Optional.of(role) : Optional.empty();
    }
}
