package nl.vertelpunt.story;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vertelpunt.moderation.Flagger;
import nl.vertelpunt.story.StoryTransferService.ImportReport;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One import of a CSV file in the exchange format ({@link StoryCsv}) into a story point's current version: the
 * header and every row are checked with the rules of every other story (every cell with {@link CsvInput#problem}, and
 * restored from the export's neutralised form with {@link StoryCsv#restore}); while all is well (and unless it is a dry
 * run) rows are stored in batches and their personal-data flags set, so that a refused file stores nothing.
 */
final class StoryCsvImport {

    /** The most line errors one answer lists. */
    static final int MAX_REPORTED_ERRORS = 1000;

    private static final int BATCH = 1000;

    private final StoryStore store;
    private final Flagger flagger;
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

    StoryCsvImport(
            StoryStore store,
            Flagger flagger,
            Connection connection,
            long pointId,
            long versionId,
            StoryPointDefinition definition,
            Set<String> existing,
            boolean dryRun) {
        this.store = store;
        this.flagger = flagger;
        this.connection = connection;
        this.pointId = pointId;
        this.versionId = versionId;
        this.definition = definition;
        this.existing = existing;
        this.dryRun = dryRun;
    }

    /** Reads, checks and stores the file; 422 listing the bad lines when any is wrong, and then nothing is stored. */
    ImportReport run(InputStream body) throws SQLException {
        long line = 1;
        try (CSVParser parser = CSVParser.parse(CsvInput.reader(body, ','), StoryCsv.FORMAT)) {
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
            error(CsvInput.unreadable(CsvInput.cause(e), line));
        }
        if (errorCount > 0) {
            List<FieldError> shown = new ArrayList<>(errors);
            String detail = errorCount + " problem" + (errorCount == 1 ? "" : "s") + " in the file; nothing was stored"
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
            String name = StoryCsv.restore(header.get(i));
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            String problem = CsvInput.problem(name);
            if (problem != null) {
                // a header that is not UTF-8 (a file in UTF-16, say) is the file's fault, not a column's
                throw ProblemException.invalid(List.of(new FieldError("file", "the header " + problem, 1L)));
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
                    422, "Import refused", "The header line is not valid; nothing was stored", new ArrayList<>(errors));
        }
        return columns;
    }

    private void row(CSVRecord record, Map<String, Integer> columns, long line) throws SQLException {
        rows++;
        if (record.size() != columns.size()) {
            error(new FieldError("row", "has " + record.size() + " fields; the header has " + columns.size(), line));
            return;
        }
        List<FieldError> rowErrors = new ArrayList<>();
        columns.forEach((column, index) -> {
            String problem = CsvInput.problem(record.get(index));
            if (problem != null) {
                rowErrors.add(new FieldError(column, problem));
            }
        });
        if (!rowErrors.isEmpty()) {
            rowErrors.forEach(e -> error(e.atLine(line)));
            return;
        }
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
                if (Dates.outOfRange(submittedAt) != null) {
                    rowErrors.add(new FieldError("submitted_at", Dates.outOfRange(submittedAt)));
                }
            } catch (DateTimeParseException e) {
                rowErrors.add(new FieldError("submitted_at", "'" + time + "' is not a time like 2019-06-01T10:15:00Z"));
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
        String v = StoryCsv.restore(record.get(index));
        return v.isEmpty() ? null : v;
    }
}
