package nl.vertelpunt.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Dates as the service takes them in: an ISO date {@code yyyy-mm-dd} (nothing else: not a number of days, not
 * {@code 2026-1-1}, not {@code 2026-02-30}), within the range {@link #EARLIEST} to a year after today in the
 * Netherlands. The same range holds for the times of imported stories. Stories about youth care in the Netherlands
 * before 2000 are not what this service collects, and a date further ahead is a typing error.
 */
public final class Dates {

    /** The first day accepted anywhere. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** Days are days in the Netherlands. */
    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /** The last day accepted anywhere: a year after today in the Netherlands. */
    public static LocalDate latest() {
        return LocalDate.now(DUTCH_TIME).plusYears(1);
    }

    /** The date a text {@code yyyy-mm-dd} names, or null when it is not such a date. */
    public static LocalDate parse(String text) {
        if (text == null || !ISO.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Why a text is not a date. */
    public static String notADate(String text) {
        String shown = text.length() > 40 ? text.substring(0, 39) + "\u2026" : text;
        return "'" + shown + "' is not a date such as 2026-03-12 (yyyy-mm-dd)";
    }

    /** Why a date is outside the range, or null when it is within. */
    public static String outOfRange(LocalDate date) {
        LocalDate latest = latest();
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            return "must be from " + EARLIEST + " to " + latest + " (" + date + " is not)";
        }
        return null;
    }

    /** Why a moment is outside the range (taken as its day in the Netherlands), or null when it is within. */
    public static String outOfRange(Instant moment) {
        return outOfRange(moment.atZone(DUTCH_TIME).toLocalDate());
    }
}
