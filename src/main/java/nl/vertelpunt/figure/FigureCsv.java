package nl.vertelpunt.figure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.vertelpunt.story.CsvInput;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Texts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of context figures: UTF-8 (with or without a byte order mark), RFC 4180 quoting checked strictly
 * ({@link CsvInput}), one header line naming the six columns in English or Dutch ({@link #COLUMNS}, any order, any
 * case), then one figure per line. The header line chooses the delimiter: a semicolon when it holds one (what Dutch
 * Excel writes as "CSV (puntkomma)"), a comma otherwise. A value is a number with a decimal comma or a decimal point
 * ("12,3" and "12.3" are the same) and no thousands separator. A cell is restored from the story export's
 * formula-neutralised form ({@link StoryCsv#restore}), so a file written by a spreadsheet from such an export reads
 * back the same.
 *
 * <p>All or nothing: every problem of the file is collected, each naming {@code rows[i].column} (i counts the figures
 * from 0; the line of the file is given beside it), and any problem refuses the whole file with 422.
 */
public final class FigureCsv {

    /** Most figures in one file (one set). */
    public static final int MAX_ROWS = 2000;
    /** The most problems one answer lists. */
    static final int MAX_REPORTED = 1000;

    /** A column: its English name (the API's), its Dutch name, whether a value is required, and its longest value. */
    record Column(String name, String dutch, boolean required, int max) {}

    /** The columns of the file, in the order the API shows them. */
    public static final List<Column> COLUMNS = List.of(
            new Column("indicator", "indicator", true, 200),
            new Column("region", "regio", true, 100),
            new Column("period", "periode", true, 50),
            new Column("value", "waarde", true, 40),
            new Column("unit", "eenheid", false, 40),
            new Column("source", "bron", true, 300));

    /** One figure as read from the file; {@code unit} is "" when none was given. */
    public record Row(
            String indicator, String region, String period, BigDecimal value, String unit, String source, long line) {}

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(?:[.,]\\d{1,8})?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:[. ,\u00a0]\\d{3})+(?:[.,]\\d+)?");

    private final List<FieldError> errors = new ArrayList<>();
    private int problems;

    private FigureCsv() {}

    /** The figures of the file, in its order; 422 listing every problem when anything is wrong. */
    public static List<Row> read(byte[] file) {
        return new FigureCsv().parse(file);
    }

    /** The delimiter the header line asks for: ';' when it holds a semicolon, ',' otherwise. */
    static char delimiter(byte[] file) {
        for (byte b : file) {
            if (b == '\n' || b == '\r') {
                break;
            }
            if (b == ';') {
                return ';';
            }
        }
        return ',';
    }

    private char delimiter;

    private List<Row> parse(byte[] file) {
        delimiter = delimiter(file);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build();
        List<Row> rows = new ArrayList<>();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(CsvInput.reader(new ByteArrayInputStream(file), delimiter), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalid(List.of(new FieldError(
                        "file", "the file is empty; its first line must name the columns " + names(), 1L)));
            }
            Map<String, Integer> columns = header(records.next());
            line = parser.getCurrentLineNumber() + 1;
            Map<String, Integer> seen = new HashMap<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (empty(record)) {
                    // a spreadsheet writes lines of empty cells below its data: no figure, nothing to refuse
                    line = parser.getCurrentLineNumber() + 1;
                    continue;
                }
                int index = figures++;
                if (index < MAX_ROWS) {
                    Row row = row(index, record, columns, line, seen);
                    if (row != null) {
                        rows.add(row);
                    }
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IOException e) {
            error(CsvInput.unreadable(CsvInput.cause(e), line));
        }
        if (figures == 0 && problems == 0) {
            error(new FieldError("file", "holds no figures: after the header, one line per figure", 2L));
        }
        if (figures > MAX_ROWS) {
            error(new FieldError(
                    "file",
                    "holds " + figures + " figures; at most " + MAX_ROWS
                            + " go in one set (split the file into several sets)"));
        }
        if (problems > 0) {
            String detail = problems + " problem" + (problems == 1 ? "" : "s") + " in the file; nothing was stored"
                    + (problems > errors.size() ? " (the first " + errors.size() + " are listed)" : "");
            throw new ProblemException(422, "Upload refused", detail, errors);
        }
        return rows;
    }

    /** How many figure lines the file has. */
    private int figures;

    private Map<String, Integer> header(CSVRecord header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> wrong = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = StoryCsv.restore(header.get(i));
            String problem = CsvInput.problem(cell);
            if (problem != null) {
                // a header that is not UTF-8 (a file in UTF-16, say) is the file's fault
                throw ProblemException.invalid(List.of(new FieldError("file", "the header " + problem, 1L)));
            }
            String name = canonical(cell.strip());
            if (name == null) {
                wrong.add(new FieldError(
                        "header",
                        "'" + shown(cell) + "' is not a column; the columns are " + names() + " (in Dutch "
                                + dutchNames() + ")",
                        1L));
            } else if (columns.putIfAbsent(name, i) != null) {
                wrong.add(new FieldError("header", "'" + shown(cell) + "' names the column " + name + " twice", 1L));
            }
        }
        for (Column c : COLUMNS) {
            if (!columns.containsKey(c.name())) {
                wrong.add(new FieldError(
                        "header", "the column " + c.name() + " (in Dutch " + c.dutch() + ") is missing", 1L));
            }
        }
        if (!wrong.isEmpty()) {
            throw new ProblemException(
                    422, "Upload refused", "The header line is not valid; nothing was stored", wrong);
        }
        return columns;
    }

    private Row row(int index, CSVRecord record, Map<String, Integer> columns, long line, Map<String, Integer> seen) {
        String at = "rows[" + index + "]";
        if (record.size() != columns.size()) {
            error(new FieldError(
                    at,
                    "has " + record.size() + " fields; the header has " + columns.size()
                            + (record.size() > columns.size() && delimiter == ','
                                    ? " (a decimal comma in a file separated by commas needs quotes around the"
                                            + " value, or separate the columns with semicolons)"
                                    : ""),
                    line));
            return null;
        }
        int before = problems;
        Map<String, String> cells = new HashMap<>();
        for (Column c : COLUMNS) {
            String cell = StoryCsv.restore(record.get(columns.get(c.name())));
            String field = at + "." + c.name();
            String problem = CsvInput.problem(cell);
            if (problem != null) {
                error(new FieldError(field, problem, line));
                continue;
            }
            String value = Texts.isBlank(cell) ? "" : cell.strip();
            if (value.isEmpty() && c.required()) {
                error(new FieldError(field, "is required", line));
            } else if (value.codePointCount(0, value.length()) > c.max()) {
                error(new FieldError(field, "must be at most " + c.max() + " characters", line));
            }
            cells.put(c.name(), value);
        }
        BigDecimal value = null;
        String number = cells.get("value");
        if (number != null && !number.isEmpty()) {
            value = number(number);
            if (value == null) {
                error(new FieldError(at + ".value", numberProblem(number), line));
            }
        }
        if (problems == before) {
            String key = String.join(
                    "\u0000",
                    cells.get("indicator").toLowerCase(Locale.ROOT),
                    cells.get("region").toLowerCase(Locale.ROOT),
                    cells.get("period").toLowerCase(Locale.ROOT));
            Integer earlier = seen.putIfAbsent(key, index);
            if (earlier != null) {
                error(new FieldError(
                        at + ".indicator",
                        "the same indicator, region and period as rows[" + earlier
                                + "]: one figure per indicator, region and period",
                        line));
            }
        }
        if (problems > before) {
            return null;
        }
        return new Row(
                cells.get("indicator"),
                cells.get("region"),
                cells.get("period"),
                value,
                cells.get("unit"),
                cells.get("source"),
                line);
    }

    private static boolean empty(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The number a cell holds ("12,3", "-4.5", "1200"), or null when it holds none. */
    static BigDecimal number(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return null;
        }
        return new BigDecimal(cell.replace(',', '.'));
    }

    private static String numberProblem(String cell) {
        if (GROUPED.matcher(cell).matches()) {
            return "'" + shown(cell) + "' has a separator between thousands; write the number without it (1234,5),"
                    + " with a comma or a point only before the decimals";
        }
        if (cell.endsWith("%")) {
            return "'" + shown(cell) + "' is not a number: put % in the column unit and the number alone here";
        }
        return "'" + shown(cell) + "' is not a number: digits with at most one comma or point before the decimals,"
                + " e.g. 12,3 or -4 (at most 15 digits before and 8 after it)";
    }

    private static String canonical(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        for (Column c : COLUMNS) {
            if (lower.equals(c.name()) || lower.equals(c.dutch())) {
                return c.name();
            }
        }
        return null;
    }

    private static String names() {
        return String.join(", ", COLUMNS.stream().map(Column::name).toList());
    }

    private static String dutchNames() {
        return String.join(", ", COLUMNS.stream().map(Column::dutch).toList());
    }

    private static String shown(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 39) + "\u2026";
    }

    private void error(FieldError e) {
        problems++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(e);
        }
    }
}
