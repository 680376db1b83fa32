package nl.vertelpunt.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * Export and import of a story point's stories in the CSV exchange format ({@link StoryCsv}). Export
 * streams from a consistent snapshot; import checks every row and stores all of them or none. The Excel
 * layout is {@link StoryWorkbook}; one import of a file is a {@link StoryCsvImport}.
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

    private final AgroalDataSource dataSource;
    private final StoryStore store;
    private final StoryPointService storyPoints;
    private final Definitions definitions;
    private final ObjectMapper mapper;
    private final Access access;
    private final Flagger flagger;

    private final Event<StoriesImported> imported;

    StoryTransferService(
            AgroalDataSource dataSource,
            StoryStore store,
            StoryPointService storyPoints,
            Definitions definitions,
            ObjectMapper mapper,
            Access access,
            Flagger flagger,
            Event<StoriesImported> imported) {
        this.imported = imported;
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
                ? StoryFilter.all().withIncomplete(true)
                : requested.includeIncomplete() == null
                        ? requested.and(StoryFilter.all().withIncomplete(true))
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
                written = format == Format.CSV ? writeCsv(where, questions, out) : writeXlsx(where, questions, out);
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
        StoryCsv.Printer printer = new StoryCsv.Printer(
                writer, questions.stream().map(Question::id).toList());
        int count = rows(where, questions, printer::row);
        printer.flush();
        return count;
    }

    /** The same columns as the CSV in an Excel workbook, plus a sheet that explains every question. */
    private int writeXlsx(StoryFilter.Condition where, List<Question> questions, OutputStream out) throws IOException {
        StoryWorkbook workbook = new StoryWorkbook(out, questions);
        int count = rows(where, questions, workbook::row);
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
            ImportReport report = new StoryCsvImport(
                            store, flagger, c, point.id, current.versionId(), definition, existing, dryRun)
                    .run(body);
            if (!dryRun) {
                imported.fire(new StoriesImported(point.id));
            }
            return report;
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private StoryPoint find(String slug) {
        return storyPoints.find(slug);
    }
}
