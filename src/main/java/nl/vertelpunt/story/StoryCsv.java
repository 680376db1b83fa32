package nl.vertelpunt.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.vertelpunt.storypoint.definition.Question;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The story exchange format: UTF-8, RFC 4180 (CRLF line ends, fields quoted only where needed), one
 * header row with the fixed columns {@link #FIXED}, then one column per question id. Slider: integer
 * or {@code NA}; choice: option id; multichoice: option ids joined with {@code |}; triad: three
 * integers joined with {@code |}; stones: {@code item:x|y} or {@code item:NA} per item given, joined with {@code ;}
 * in the order of the question's items ({@code familie:20|85;school:NA}); text as is; empty means unanswered. Times are UTC, to the second.
 *
 * <p>Spreadsheet programs run a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return as a formula. The export therefore puts an apostrophe before every cell that begins with such a
 * character, possibly after apostrophes of its own ({@link #neutralise}), as OWASP recommends; the import takes
 * exactly one apostrophe off a cell that begins with apostrophes followed by such a character ({@link #restore}).
 * So every text comes back exactly as it was, and a text that merely begins with an apostrophe ("'s avonds")
 * is neither changed on the way out nor on the way in.
 */
public final class StoryCsv {

    public static final List<String> FIXED =
            List.of("id", "submitted_at", "role", "channel", "language", "title", "text");
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;
    public static final String SEPARATOR = "|";
    /** Between the items of a stones answer. */
    public static final String ITEM_SEPARATOR = ";";
    /** Between an item of a stones answer and its place. */
    public static final String ITEM_PLACE = ":";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoryCsv() {}

    /** Starts a spreadsheet program would read as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** A cell as the export writes it: an apostrophe before a cell a spreadsheet would run as a formula. */
    public static String neutralise(String cell) {
        return formulaAfterApostrophes(cell, 0) ? "'" + cell : cell;
    }

    /** A cell as the import reads it: the apostrophe {@link #neutralise} added taken off again. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && formulaAfterApostrophes(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether the cell, after its leading apostrophes (at least {@code min}), begins with a formula start. */
    private static boolean formulaAfterApostrophes(String cell, int min) {
        if (cell == null) {
            return false;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i >= min && i < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(i)) >= 0;
    }

    /**
     * Writes the exchange format: the header (the fixed columns, then the question ids), then one row per story, every
     * cell {@link #neutralise neutralised}. Every CSV the service writes is written through it.
     */
    public static final class Printer {
        private final CSVPrinter printer;

        public Printer(Appendable out, List<String> questionIds) throws IOException {
            printer = new CSVPrinter(out, FORMAT);
            List<String> header = new ArrayList<>(FIXED);
            header.addAll(questionIds);
            row(header);
        }

        /** One row, its cells in the order of the header. */
        public void row(List<String> cells) throws IOException {
            List<String> neutralised = new ArrayList<>(cells.size());
            for (String cell : cells) {
                neutralised.add(neutralise(cell));
            }
            printer.printRecord(neutralised);
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Reads an ISO-8601 time with offset ({@code 2019-06-01T10:15:00Z}, {@code 2019-06-01T12:15:00+02:00}), to the second. */
    public static Instant parseTime(String value) throws DateTimeParseException {
        return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The cell for a stored answer; empty when unanswered. */
    public static String cell(Question q, JsonNode answer) {
        if (answer == null || answer.isNull()) {
            return "";
        }
        return switch (q.type()) {
            case SLIDER, CHOICE, TEXT -> answer.asText();
            case MULTICHOICE, TRIAD -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode item : answer) {
                    if (!sb.isEmpty()) {
                        sb.append(SEPARATOR);
                    }
                    sb.append(item.asText());
                }
                yield sb.toString();
            }
            case STONES -> stonesCell(q, answer);
        };
    }

    /** {@code item:x|y;item:NA}, the items in the question's order (any the question no longer has after them). */
    private static String stonesCell(Question q, JsonNode answer) {
        List<String> order = new ArrayList<>();
        q.items().forEach(i -> order.add(i.id()));
        answer.fieldNames().forEachRemaining(name -> {
            if (!order.contains(name)) {
                order.add(name);
            }
        });
        StringBuilder sb = new StringBuilder();
        for (String item : order) {
            JsonNode place = answer.get(item);
            if (place == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(ITEM_SEPARATOR);
            }
            sb.append(item).append(ITEM_PLACE);
            sb.append(
                    place.isArray()
                            ? place.get(0).asText() + SEPARATOR + place.get(1).asText()
                            : place.asText());
        }
        return sb.toString();
    }

    /**
     * A stones cell as the form would send it: {@code {"item": [x, y]}} or {@code {"item": "NA"}}. What does not
     * fit is passed on as given, so that {@link AnswerValidator} names it: a place that is not two whole numbers as
     * a text, a part without an item, or an item given twice, as the whole cell.
     */
    private static JsonNode stonesAnswer(String cell) {
        ObjectNode answer = NODES.objectNode();
        for (String part : cell.split(Pattern.quote(ITEM_SEPARATOR), -1)) {
            int colon = part.indexOf(ITEM_PLACE);
            if (colon <= 0 || answer.has(part.substring(0, colon))) {
                return NODES.textNode(cell);
            }
            String place = part.substring(colon + 1);
            String[] xy = place.split(Pattern.quote(SEPARATOR), -1);
            if (xy.length == 2
                    && INTEGER.matcher(xy[0]).matches()
                    && INTEGER.matcher(xy[1]).matches()) {
                answer.putArray(part.substring(0, colon))
                        .add(Integer.parseInt(xy[0]))
                        .add(Integer.parseInt(xy[1]));
            } else {
                answer.put(part.substring(0, colon), place);
            }
        }
        return answer;
    }

    /**
     * The answer a cell gives, in the shape the web form would send it, for {@link AnswerValidator}
     * to check; null when the cell is empty.
     */
    public static JsonNode answer(Question q, String cell) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        return switch (q.type()) {
            case SLIDER ->
                INTEGER.matcher(cell).matches() ? NODES.numberNode(Integer.parseInt(cell)) : NODES.textNode(cell);
            case CHOICE, TEXT -> NODES.textNode(cell);
            case MULTICHOICE -> {
                ArrayNode list = NODES.arrayNode();
                for (String part : cell.split(Pattern.quote(SEPARATOR), -1)) {
                    list.add(part);
                }
                yield list;
            }
            case TRIAD -> {
                ArrayNode list = NODES.arrayNode();
                for (String part : cell.split(Pattern.quote(SEPARATOR), -1)) {
                    list.add(
                            INTEGER.matcher(part).matches()
                                    ? NODES.numberNode(Integer.parseInt(part))
                                    : NODES.textNode(part));
                }
                yield list;
            }
            case STONES -> stonesAnswer(cell);
        };
    }
}
