package nl.vertelpunt.story.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Collection dates in imported files: ISO-8601 dates ({@code 2021-07-28}, midnight in Dutch time),
 * date-times with an offset ({@code 2021-07-28T10:15:00Z}, {@code 2021-07-28T12:15+02:00}) and
 * date-times without one ({@code 2021-07-28T10:15}, Dutch time). A space may stand for the {@code T}.
 * Times are kept to the second.
 */
final class ImportDates {

    static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private ImportDates() {}

    static Optional<Instant> parse(String cell) {
        String t = cell.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(DUTCH_TIME).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            // not a date, and not a date-time with an offset
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(t).atZone(DUTCH_TIME).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
