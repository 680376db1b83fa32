package nl.vertelpunt.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Export and import of a story point's stories in the CSV exchange format ({@link StoryCsv}). Export
 * streams from a consistent snapshot; import checks every row and stores all of them or none.
 */
@ApplicationScoped
@Transactional
public class StoryTransferService {

    /** The outcome of an import or a dry run. */
    public record ImportReport(int rows, int created, int updated, boolean dryRun) {}

    /** A prepared export: a file name and the writer of its bytes. */
    public record Export(String filename, Writing body) {}

    /** Writes an export to a stream. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The most line errors one answer lists. */
    static final int MAX_REPORTED_ERRORS = 1000;

    private static final int BATCH = 1000;

    private final AgroalDataSource dataSource;
    private final StoryStore store;
    private final StoryPointService storyPoints;
    private final Definitions definitions;
    private final ObjectMapper mapper;
    private final Access access;
    private final Flagger flagger;

    StoryTransferService(
            AgroalDataSource dataSource,
            StoryStore store,
            StoryPointService storyPoints,
            Definitions definitions,
            ObjectMapper mapper,
            Access access,
            Flagger flagger) {
        this.flagger = flagger;
        this.dataSource = dataSource;
        this.store = store;
        this.storyPoints = storyPoints;
        this.definitions = definitions;
        this.mapper = mapper;
        this.access = access;
    }

    /** The export formats: the CSV exchange format, or an Excel workbook with the same columns. */
    public enum Format {
        CSV,
        XLSX
    }

    /**
     * Prepares an export of the stories that pass the filter (all, complete or not, when null; hidden
     * stories never), for analysts of the story point and admins. The export is written to the audit log
     * with who, when, the filter and how many stories, once it has been written.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Export export(String slug, StoryFilter requested, Format format) {
        StoryPoint point = find(slug);
        access.require(point, StaffRole.ANALYST);
        StoryPointDefinition definition = storyPoints.current(slug).definition();
        StoryFilter filter = requested == null
                ? new StoryFilter(null, null, null, null, null, null, true)
                : requested.includeIncomplete() == null
                        ? requested.and(new StoryFilter(null, null, null, null, null, null, true))
                        : requested;
        List<FieldError> errors = filter.check(definition, "filter.");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Question> questions = storyPoints.allQuestions(point);
        StoryFilter.Condition where = filter.condition(point.id, definition);
        String who = access.staff().username();
        long pointId = point.id;
        String filterJson;
        try {
            filterJson = mapper.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String name = slug + "-stories." + format.name().toLowerCase(Locale.ROOT);
        return new Export(name, out -> {
            int written = 0;
            try {
                written = format == Format.CSV
                        ? writeCsv(where, questions, out)
                        : writeXlsx(where, questions, definition, out);
            } finally {
                logExport(pointId, format, filterJson, written, who);
            }
        });
    }

    /** Streams the rows of a consistent snapshot to a row writer; returns how many were written. */
    private int rows(StoryFilter.Condition where, List<Question> questions, RowWriter writer) throws IOException {
        String sql =
                "SELECT s.id, s.submitted_at, s.role, s.channel, s.language, s.title, s.text, s.answers::text FROM story s "
                        + "WHERE " + where.sql() + " ORDER BY s.submitted_at, s.id";
        int count = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(2000);
                where.bind(c, ps, 1);
                List<String> row = new ArrayList<>(StoryCsv.FIXED.size() + questions.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.clear();
                        row.add(rs.getString(1));
                        row.add(StoryCsv.time(
                                rs.getObject(2, OffsetDateTime.class).toInstant()));
                        for (int i = 3; i <= 7; i++) {
                            String value = rs.getString(i);
                            row.add(value == null ? "" : value);
                        }
                        JsonNode answers = mapper.readTree(rs.getString(8));
                        for (Question q : questions) {
                            row.add(StoryCsv.cell(q, answers.get(q.id())));
                        }
                        writer.write(row);
                        count++;
                    }
                }
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("export failed: " + e.getMessage(), e);
        }
        return count;
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(List<String> row) throws IOException;
    }

    private int writeCsv(StoryFilter.Condition where, List<Question> questions, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, StoryCsv.FORMAT);
        List<String> header = new ArrayList<>(StoryCsv.FIXED);
        questions.forEach(q -> header.add(q.id()));
        printer.printRecord(header);
        int count = rows(where, questions, printer::printRecord);
        printer.flush();
        return count;
    }

    /** The same columns as the CSV in an Excel workbook, plus a sheet that explains every question. */
    private int writeXlsx(
            StoryFilter.Condition where, List<Question> questions, StoryPointDefinition definition, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Vertelpunt", "1.0");
        Worksheet sheet = workbook.newWorksheet("Verhalen");
        List<String> header = new ArrayList<>(StoryCsv.FIXED);
        questions.forEach(q -> header.add(q.id()));
        for (int col = 0; col < header.size(); col++) {
            sheet.value(0, col, header.get(col));
            sheet.style(0, col).bold().set();
        }
        sheet.freezePane(0, 1);
        int[] next = {1};
        int count = rows(where, questions, row -> {
            for (int col = 0; col < row.size(); col++) {
                String value = row.get(col);
                if (!value.isEmpty()) {
                    Question q = col >= StoryCsv.FIXED.size() ? questions.get(col - StoryCsv.FIXED.size()) : null;
                    if (q != null && q.type() == QuestionType.SLIDER && !value.equals("NA")) {
                        sheet.value(next[0], col, Integer.parseInt(value));
                    } else {
                        sheet.value(next[0], col, value);
                    }
                }
            }
            if (++next[0] % 1000 == 0) {
                sheet.flush();
            }
        });
        Worksheet about = workbook.newWorksheet("Vragen");
        String[] columns = {"kolom", "nummer", "type", "vraag", "opties of polen"};
        for (int col = 0; col < columns.length; col++) {
            about.value(0, col, columns[col]);
            about.style(0, col).bold().set();
        }
        int r = 1;
        for (Question q : questions) {
            about.value(r, 0, q.id());
            about.value(r, 1, q.number());
            about.value(r, 2, q.type().id());
            about.value(r, 3, q.label().in("nl"));
            String detail = q.options() != null
                    ? String.join(
                            "; ",
                            q.options().stream()
                                    .map(o -> o.id() + " = " + o.label().in("nl"))
                                    .toList())
                    : q.left() != null
                            ? "0 = " + q.left().in("nl") + "; 100 = "
                                    + q.right().in("nl") + (q.allowsNotApplicable() ? "; NA = niet van toepassing" : "")
                            : q.corners() != null
                                    ? String.join(
                                            " | ",
                                            q.corners().stream()
                                                    .map(x -> x.in("nl"))
                                                    .toList())
                                    : "";
            about.value(r, 4, detail);
            r++;
        }
        workbook.finish();
        return count;
    }

    private void logExport(long pointId, Format format, String filter, int stories, String who) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO export_log (story_point_id, format, filter, stories, done_by, done_at) "
                                + "VALUES (?, ?, ?, ?, ?, now())")) {
            ps.setLong(1, pointId);
            ps.setString(2, format.name().toLowerCase(Locale.ROOT));
            ps.setString(3, filter);
            ps.setInt(4, stories);
            ps.setString(5, who);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /**
     * Imports stories from CSV into the current version of a story point. Every row is checked first;
     * if any is wrong nothing is stored and the answer lists each bad line. Ids are kept; a row whose id
     * the story point has already replaces that story. New rows without an id get one.
     */
    @TransactionConfiguration(timeout = 3600)
    public ImportReport importCsv(String slug, InputStream body, boolean dryRun) {
        StoryPoint point = find(slug);
        access.require(point);
        try (Connection c = dataSource.getConnection()) {
            store.lockShared(c, point.id);
            StoryStore.Current current = store.current(c, point.id, null);
            StoryPointDefinition definition = definitions.get(
                    current.versionId(), current.revision(), () -> store.definitionJson(c, current.versionId()));
            Set<String> existing = store.ids(c, point.id);
            return new Importer(c, point.id, current.versionId(), definition, existing, dryRun).run(body);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private StoryPoint find(String slug) {
        return storyPoints.find(slug);
    }

    /** One import run: reads, checks and (unless a dry run, and only while all is well) stores rows in batches. */
    private final class Importer {
        private final Connection connection;
        private final long pointId;
        private final long versionId;
        private final StoryPointDefinition definition;
        private final Set<String> existing;
        private final boolean dryRun;
        private final List<FieldError> errors = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private int errorCount;
        private int rows;
        private int created;
        private PreparedStatement upsert;
        private int pending;
        private final Map<String, List<Flagger.Flag>> flags = new HashMap<>();

        Importer(
                Connection connection,
                long pointId,
                long versionId,
                StoryPointDefinition definition,
                Set<String> existing,
                boolean dryRun) {
            this.connection = connection;
            this.pointId = pointId;
            this.versionId = versionId;
            this.definition = definition;
            this.existing = existing;
            this.dryRun = dryRun;
        }

        ImportReport run(InputStream body) throws SQLException {
            long line = 1;
            try (CSVParser parser = CSVParser.parse(reader(body), StoryCsv.FORMAT)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    throw ProblemException.invalid("header", "the file is empty; the first line must name the columns");
                }
                Map<String, Integer> columns = header(records.next());
                line = parser.getCurrentLineNumber() + 1;
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    row(record, columns, line);
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException | IOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                String reason = cause instanceof CharacterCodingException
                        ? "the file is not valid UTF-8"
                        : "the file is not valid CSV (RFC 4180): " + cause.getMessage();
                error(new FieldError("file", reason, line));
            }
            if (errorCount > 0) {
                List<FieldError> shown = new ArrayList<>(errors);
                String detail =
                        errorCount + " problem" + (errorCount == 1 ? "" : "s") + " in the file; nothing was stored"
                                + (errorCount > shown.size() ? " (the first " + shown.size() + " are listed)" : "");
                throw new ProblemException(422, "Import refused", detail, shown);
            }
            if (upsert != null) {
                flush();
                upsert.close();
                store.replaceFlags(connection, pointId, flags);
            }
            return new ImportReport(rows, created, rows - created, dryRun);
        }

        private Map<String, Integer> header(CSVRecord header) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            Set<String> allowed = new HashSet<>(StoryCsv.FIXED);
            definition.questions().forEach(q -> allowed.add(q.id()));
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                if (!allowed.contains(name)) {
                    error(new FieldError(
                            name,
                            "is not a column of this story point: not one of " + StoryCsv.FIXED
                                    + " and not a question of its current version",
                            1L));
                } else if (columns.putIfAbsent(name, i) != null) {
                    error(new FieldError(name, "appears twice in the header", 1L));
                }
            }
            for (String required : List.of("role", "text")) {
                if (!columns.containsKey(required)) {
                    error(new FieldError(required, "column is required", 1L));
                }
            }
            if (errorCount > 0) {
                throw new ProblemException(
                        422,
                        "Import refused",
                        "The header line is not valid; nothing was stored",
                        new ArrayList<>(errors));
            }
            return columns;
        }

        private void row(CSVRecord record, Map<String, Integer> columns, long line) throws SQLException {
            rows++;
            if (record.size() != columns.size()) {
                error(new FieldError(
                        "row", "has " + record.size() + " fields; the header has " + columns.size(), line));
                return;
            }
            List<FieldError> rowErrors = new ArrayList<>();
            String id = value(record, columns, "id");
            if (id == null) {
                id = StoryIds.next();
            } else if (!seen.add(id)) {
                rowErrors.add(new FieldError("id", "'" + id + "' appears on an earlier line of this file"));
            }
            Instant submittedAt = now;
            String time = value(record, columns, "submitted_at");
            if (time != null) {
                try {
                    submittedAt = StoryCsv.parseTime(time);
                } catch (DateTimeParseException e) {
                    rowErrors.add(
                            new FieldError("submitted_at", "'" + time + "' is not a time like 2019-06-01T10:15:00Z"));
                }
            }
            Channel channel = Channel.IMPORT;
            String channelValue = value(record, columns, "channel");
            if (channelValue != null) {
                channel = Channel.fromId(channelValue).orElse(null);
                if (channel == null) {
                    rowErrors.add(new FieldError(
                            "channel", "'" + channelValue + "' is not one of online, verteltafel, papier, import"));
                    channel = Channel.IMPORT;
                }
            }
            Map<String, JsonNode> answers = new HashMap<>();
            for (Question q : definition.questions()) {
                JsonNode answer = StoryCsv.answer(q, value(record, columns, q.id()));
                if (answer != null) {
                    answers.put(q.id(), answer);
                }
            }
            StoryRules.Incoming in = new StoryRules.Incoming(
                    id,
                    null,
                    value(record, columns, "role"),
                    channel,
                    value(record, columns, "language"),
                    value(record, columns, "title"),
                    value(record, columns, "text"),
                    answers,
                    submittedAt,
                    null);
            StoryDraft draft = StoryRules.check(definition, in, "", AnswerValidator.Mode.IMPORT, rowErrors);
            if (!rowErrors.isEmpty() || draft == null) {
                rowErrors.forEach(e -> error(e.atLine(line)));
                return;
            }
            if (!existing.contains(draft.id())) {
                created++;
            }
            if (!dryRun && errorCount == 0) {
                if (upsert == null) {
                    upsert = store.prepareUpsert(connection);
                }
                List<Flagger.Flag> found = flagger.flags(draft.title(), draft.text());
                store.addUpsert(upsert, pointId, versionId, draft, !found.isEmpty());
                if (!found.isEmpty() || existing.contains(draft.id())) {
                    flags.put(draft.id(), found);
                }
                if (++pending == BATCH) {
                    flush();
                }
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                upsert.executeBatch();
                pending = 0;
            }
        }

        private void error(FieldError e) {
            errorCount++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        }

        private static String value(CSVRecord record, Map<String, Integer> columns, String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String v = record.get(index);
            return v.isEmpty() ? null : v;
        }

        private static Reader reader(InputStream body) throws IOException {
            PushbackReader reader = new PushbackReader(
                    new InputStreamReader(
                            body,
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1);
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        }
    }
}
