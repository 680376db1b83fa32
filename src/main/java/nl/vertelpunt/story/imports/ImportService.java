package nl.vertelpunt.story.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.story.AnswerValidator;
import nl.vertelpunt.story.CsvInput;
import nl.vertelpunt.story.StoriesImported;
import nl.vertelpunt.story.StoryDraft;
import nl.vertelpunt.story.StoryRules;
import nl.vertelpunt.story.StoryStore;
import nl.vertelpunt.storypoint.Definitions;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.JsonBodies;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * Imports story collections exported by other narrative tools (NarraFirma, SenseMaker-style tables) into
 * a story point's current version, read through a mapping ({@link MappingReader}). Every row is checked
 * with the same rules as every other story ({@link StoryRules}, {@link AnswerValidator.Mode#IMPORT});
 * if any row does not fit nothing is stored and 422 lists every bad line. A dry run stores nothing and
 * explains how each column is read.
 *
 * <p>Story ids come from the mapped id column; rows without one get an id made from the story
 * ({@link DerivedIds}), so importing the same file again replaces the stories instead of doubling them.
 * A row without a date keeps the time of the story it replaces, or gets the time of the import.
 */
@ApplicationScoped
@Transactional
public class ImportService {

    /** Largest mapping accepted, in bytes. */
    static final int MAX_MAPPING_BYTES = 1 << 20;
    /** The most problems one answer lists. */
    static final int MAX_REPORTED_PROBLEMS = 1000;

    private static final int BATCH = 1000;

    private final AgroalDataSource dataSource;
    private final StoryStore store;
    private final StoryPointService storyPoints;
    private final Definitions definitions;
    private final Access access;
    private final Flagger flagger;

    private final Event<StoriesImported> imported;

    ImportService(
            AgroalDataSource dataSource,
            StoryStore store,
            StoryPointService storyPoints,
            Definitions definitions,
            Access access,
            Flagger flagger,
            Event<StoriesImported> imported) {
        this.imported = imported;
        this.flagger = flagger;
        this.dataSource = dataSource;
        this.store = store;
        this.storyPoints = storyPoints;
        this.definitions = definitions;
        this.access = access;
    }

    /**
     * Checks a file against a mapping and, unless a dry run, stores all its stories in one transaction.
     *
     * @param mapping the mapping, JSON (400 when it is not a JSON object; 422 listing every problem in it)
     * @param file    the exported stories, CSV in UTF-8 (422 when its header is missing or a row does not fit)
     * @return what was stored; on a dry run what would be, with every row that does not fit
     */
    @TransactionConfiguration(timeout = 3600)
    public ImportReport importStories(String slug, InputStream mapping, InputStream file, boolean dryRun) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point);
        JsonNode root = readMapping(mapping);
        MappingReader.Layout layout = MappingReader.layout(root);
        try (Connection c = dataSource.getConnection()) {
            store.lockShared(c, point.id);
            StoryStore.Current current = store.current(c, point.id, null);
            StoryPointDefinition definition = definitions.get(
                    current.versionId(), current.revision(), () -> store.definitionJson(c, current.versionId()));
            try (SourceFile source = SourceFile.open(file, layout.separator(), layout.commentPrefix())) {
                if (source.header() == null) {
                    throw ProblemException.invalid(List.of(
                            new FieldError("file", "has no header line: the first line must name the columns", 1L)));
                }
                ImportPlan plan = MappingReader.plan(root, source.header(), definition);
                Map<String, Instant> stored = storedTimes(c, point.id);
                ImportReport report =
                        new Run(c, point.id, current.versionId(), definition, plan, stored, dryRun).run(source);
                if (!dryRun) {
                    imported.fire(new StoriesImported(point.id));
                }
                return report;
            } catch (SourceFile.Unreadable e) {
                throw ProblemException.invalid(List.of(new FieldError("file", e.getMessage(), e.line)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static JsonNode readMapping(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_MAPPING_BYTES + 1);
        } catch (IOException e) {
            throw ProblemException.malformed("mapping", "could not be read");
        }
        if (bytes.length > MAX_MAPPING_BYTES) {
            throw new ProblemException(
                    413,
                    "Request too large",
                    "mapping: larger than " + MAX_MAPPING_BYTES / 1024 + " KB",
                    List.of(new FieldError("mapping", "larger than " + MAX_MAPPING_BYTES / 1024 + " KB")));
        }
        return JsonBodies.parseObject(bytes, "mapping", "mapping");
    }

    /** Ids and submission times of the stories the story point has. */
    private static Map<String, Instant> storedTimes(Connection c, long pointId) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, submitted_at FROM story WHERE story_point_id = ?")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, pointId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    times.put(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return times;
    }

    /** One import: reads, checks and (unless a dry run, and only while all is well) stores rows in batches. */
    private final class Run {
        private final Connection connection;
        private final long pointId;
        private final long versionId;
        private final StoryPointDefinition definition;
        private final ImportPlan plan;
        private final Map<String, Instant> stored;
        private final boolean dryRun;
        private final List<ColumnPart> parts;
        /** How problems with a question's answer name its column(s); for a write-in target, the columns it came from. */
        private final Map<String, String> columnsOfQuestion = new HashMap<>();
        /** How many rows fill each column of the file. */
        private final int[] filled;

        private final DerivedIds derivedIds = new DerivedIds();
        private final Map<String, Long> seenIds = new HashMap<>();
        private final Map<String, List<Flagger.Flag>> flags = new HashMap<>();
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private final List<ImportReport.RowProblem> problems = new ArrayList<>();
        private int problemCount;
        private int rows;
        private int created;
        private int updated;
        private int refused;
        private PreparedStatement upsert;
        private int pending;

        Run(
                Connection connection,
                long pointId,
                long versionId,
                StoryPointDefinition definition,
                ImportPlan plan,
                Map<String, Instant> stored,
                boolean dryRun) {
            this.connection = connection;
            this.pointId = pointId;
            this.versionId = versionId;
            this.definition = definition;
            this.plan = plan;
            this.stored = stored;
            this.dryRun = dryRun;
            this.parts = plan.parts();
            for (AnswerReads.AnswerRead read : plan.answers()) {
                columnsOfQuestion.put(read.id(), read.columns());
                if (read.writeInTarget() != null) {
                    columnsOfQuestion.put(read.writeInTarget(), read.columns());
                }
            }
            this.filled = new int[plan.header().names().size()];
        }

        ImportReport run(SourceFile source) throws SQLException {
            int width = plan.header().names().size();
            try {
                for (SourceFile.Row r = source.next(); r != null; r = source.next()) {
                    rows++;
                    RowContext row = new RowContext(r.line(), r.cells());
                    int bad = r.badCell();
                    if (r.cells().size() != width) {
                        row.problem("row", null, "has " + r.cells().size() + " cells; the header has " + width);
                    } else if (bad >= 0) {
                        row.problem(
                                plan.header().names().get(bad),
                                null,
                                CsvInput.problem(r.cells().get(bad)));
                    } else {
                        for (ColumnPart p : parts) {
                            p.count(row.cells);
                        }
                        for (int i = 0; i < width; i++) {
                            if (!row.cells.get(i).isBlank()) {
                                filled[i]++;
                            }
                        }
                        row(row);
                    }
                    if (!row.problems.isEmpty()) {
                        refused++;
                        row.problems.forEach(this::problem);
                    }
                }
            } catch (SourceFile.Unreadable e) {
                problem(new ImportReport.RowProblem(e.line, "file", null, e.getMessage()));
            }
            if (!dryRun && problemCount > 0) {
                List<FieldError> errors = problems.stream().map(Run::fieldError).toList();
                String detail = problemCount + " problem" + (problemCount == 1 ? "" : "s") + " in " + refused + " of "
                        + rows + " rows; nothing was stored"
                        + (problemCount > errors.size() ? " (the first " + errors.size() + " are listed)" : "");
                throw new ProblemException(422, "Import refused", detail, errors);
            }
            if (upsert != null) {
                flush();
                upsert.close();
                store.replaceFlags(connection, pointId, flags);
            }
            List<ImportReport.ColumnUse> columns =
                    parts.stream().map(ColumnPart::use).toList();
            List<ImportReport.UnusedColumn> unused =
                    plan.unused().stream().map(this::unusedColumn).toList();
            return new ImportReport(
                    dryRun, rows, created, updated, refused, columns, unused, problemCount, List.copyOf(problems));
        }

        private void row(RowContext row) throws SQLException {
            List<String> cells = row.cells;
            String title = blankToNull(cell(plan.title(), cells));
            String text = cell(plan.text(), cells);
            String id = blankToNull(cell(plan.id(), cells));
            if (id == null) {
                id = derivedIds.next(title, text);
            } else {
                id = id.strip();
            }
            Long earlier = seenIds.putIfAbsent(id, row.line);
            if (earlier != null) {
                row.problem(
                        column(plan.id(), "id"), null, "'" + id + "' is also the id of the story on line " + earlier);
            }
            Instant submittedAt = stored.getOrDefault(id, now);
            String dateCell = cell(plan.date(), cells);
            if (dateCell != null && !dateCell.isBlank()) {
                Instant date = ImportDates.parse(dateCell).orElse(null);
                if (date == null) {
                    row.problem(
                            plan.date().name,
                            null,
                            "'" + dateCell.strip() + "' is not an ISO date (2021-07-28) "
                                    + "or date-time (2021-07-28T10:15:00+02:00)");
                } else if (Dates.outOfRange(date) != null) {
                    row.problem(plan.date().name, null, Dates.outOfRange(date));
                } else {
                    submittedAt = date;
                }
            }
            Map<String, JsonNode> answers = new HashMap<>();
            for (AnswerReads.AnswerRead read : plan.answers()) {
                JsonNode answer = read.read(row);
                if (answer != null) {
                    answers.put(read.id(), answer);
                }
            }
            row.writeIns.forEach((question, texts) ->
                    answers.put(question, JsonNodeFactory.instance.textNode(String.join(", ", texts))));
            String role = plan.role().value(cells);
            String language = plan.language().value(cells);
            StoryRules.Incoming in = new StoryRules.Incoming(
                    id, null, role, plan.channel(), language, title, text, answers, submittedAt, null);
            List<FieldError> ruleErrors = new ArrayList<>();
            StoryDraft draft = StoryRules.check(definition, in, "answers.", AnswerValidator.Mode.IMPORT, ruleErrors);
            ruleErrors.forEach(e -> translate(e, row));
            if (!row.problems.isEmpty() || draft == null) {
                return;
            }
            fieldExamples(cells, draft);
            if (stored.containsKey(draft.id())) {
                updated++;
            } else {
                created++;
            }
            if (!dryRun && problemCount == 0) {
                if (upsert == null) {
                    upsert = store.prepareUpsert(connection);
                }
                List<Flagger.Flag> found = flagger.flags(draft.title(), draft.text());
                store.addUpsert(upsert, pointId, versionId, draft, !found.isEmpty());
                if (!found.isEmpty() || stored.containsKey(draft.id())) {
                    flags.put(draft.id(), found);
                }
                if (++pending == BATCH) {
                    flush();
                }
            }
        }

        /** Names a problem StoryRules found by the column it came from. */
        private void translate(FieldError e, RowContext row) {
            String field = e.field();
            if (field.startsWith("answers.")) {
                String rest = field.substring("answers.".length());
                int bracket = rest.indexOf('[');
                String question = bracket < 0 ? rest : rest.substring(0, bracket);
                row.problem(columnsOfQuestion.getOrDefault(question, question), question, e.message());
                return;
            }
            String column = switch (field) {
                case "id" -> column(plan.id(), "id");
                case "role" -> column(plan.role().column(), "role");
                case "language" -> column(plan.language().column(), "language");
                case "title" -> column(plan.title(), "title");
                case "text" -> column(plan.text(), "text");
                default -> field;
            };
            row.problem(column, null, e.message());
        }

        private void fieldExamples(List<String> cells, StoryDraft draft) {
            example(plan.id(), cells, draft.id());
            example(plan.title(), cells, draft.title());
            example(plan.text(), cells, draft.text());
            example(plan.date(), cells, draft.submittedAt().toString());
            example(plan.role().column(), cells, draft.role());
            example(plan.language().column(), cells, draft.language());
        }

        private void example(ColumnPart part, List<String> cells, String value) {
            if (part != null) {
                part.example(part.cell(cells), value);
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                upsert.executeBatch();
                pending = 0;
            }
        }

        private void problem(ImportReport.RowProblem p) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(p);
            }
        }

        private ImportReport.UnusedColumn unusedColumn(int index) {
            SourceFile.Header header = plan.header();
            return new ImportReport.UnusedColumn(
                    header.names().get(index),
                    header.isDuplicated(index) ? header.position(index) : null,
                    index + 1,
                    filled[index]);
        }

        private static FieldError fieldError(ImportReport.RowProblem p) {
            String message = p.question() == null ? p.message() : "question '" + p.question() + "': " + p.message();
            return new FieldError(p.column(), message, p.line());
        }

        private static String cell(ColumnPart part, List<String> cells) {
            return part == null ? null : part.cell(cells);
        }

        private static String column(ColumnPart part, String otherwise) {
            return part == null ? otherwise : part.name;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
