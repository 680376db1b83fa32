package nl.vertelpunt.story.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vertelpunt.story.AnswerValidator;
import nl.vertelpunt.story.StoryCsv;
import nl.vertelpunt.storypoint.definition.Question;

/**
 * The ways a question's answer is read from a row ({@code read} in the mapping). Each gives the answer
 * in the shape the web form sends it, for {@link AnswerValidator} to check, or null when unanswered,
 * and reports cells it cannot read with their column.
 */
final class AnswerReads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private AnswerReads() {}

    /** Reads one question. */
    abstract static class AnswerRead {
        final Question question;
        final List<ColumnPart> parts;

        AnswerRead(Question question, List<ColumnPart> parts) {
            this.question = question;
            this.parts = List.copyOf(parts);
        }

        /** The answer in form shape, or null when the row leaves the question unanswered or has a problem. */
        abstract JsonNode read(RowContext row);

        /** How problems name this question's columns: their headers joined with " + ". */
        String columns() {
            Set<String> names = new LinkedHashSet<>();
            parts.forEach(p -> names.add(p.name));
            return String.join(" + ", names);
        }

        String id() {
            return question.id();
        }

        /** The text question that receives this read's write-ins, or null. */
        String writeInTarget() {
            return null;
        }
    }

    private static String target(WriteIns writeIns) {
        return writeIns instanceof WriteIns.ToQuestion to ? to.question() : null;
    }

    /** What to do with a cell that names no option. */
    sealed interface WriteIns {
        /** The row does not fit. */
        record Refuse() implements WriteIns {}

        /** The cell is left out. */
        record Ignore() implements WriteIns {}

        /** The cell's text answers a text question. */
        record ToQuestion(String question) implements WriteIns {}
    }

    /**
     * Cell texts to option ids: first through {@code values} (where a null target means "no answer"),
     * then as an option id of the question as is.
     */
    record OptionNames(Map<String, String> values, Set<String> optionIds) {

        /** Empty when the cell names no option; an empty string when it means no answer. */
        Optional<String> lookup(String cell) {
            if (values.containsKey(cell)) {
                String target = values.get(cell);
                return Optional.of(target == null ? "" : target);
            }
            return optionIds.contains(cell) ? Optional.of(cell) : Optional.empty();
        }
    }

    private static void unknown(
            RowContext row, ColumnPart part, Question q, OptionNames names, WriteIns writeIns, String cell) {
        if (writeIns instanceof WriteIns.ToQuestion to) {
            row.writeIn(to.question(), cell);
            part.example(cell, NODES.textNode(cell), "write-in, kept as text in '" + to.question() + "'");
        } else if (writeIns instanceof WriteIns.Ignore) {
            part.example(cell, null, "write-in, ignored");
        } else {
            row.problem(
                    part.name,
                    q.id(),
                    "'" + cell + "' is not an option of '" + q.id() + "' (" + String.join(", ", names.optionIds())
                            + ") and not in mapping.questions." + q.id() + ".values");
        }
    }

    /** {@code text}: the cell is the answer as is (text, slider 0..100 or NA), or for a choice names its option. */
    static final class Text extends AnswerRead {
        private final ColumnPart part;
        private final OptionNames names;
        private final WriteIns writeIns;

        Text(Question question, ColumnPart part, OptionNames names, WriteIns writeIns) {
            super(question, List.of(part));
            this.part = part;
            this.names = names;
            this.writeIns = writeIns;
        }

        @Override
        String writeInTarget() {
            return target(writeIns);
        }

        @Override
        JsonNode read(RowContext row) {
            String cell = part.cell(row.cells);
            if (cell.isBlank()) {
                return null;
            }
            JsonNode answer;
            switch (question.type()) {
                case TEXT -> answer = NODES.textNode(cell);
                case SLIDER -> {
                    answer = StoryCsv.answer(question, cell.strip());
                    boolean valid = answer.isInt()
                            ? answer.asInt() >= 0 && answer.asInt() <= 100
                            : answer.asText().equals(AnswerValidator.NOT_APPLICABLE);
                    if (!valid) {
                        row.problem(
                                part.name,
                                question.id(),
                                "'" + cell.strip() + "' is not a whole number from 0 to 100 nor NA");
                        return null;
                    }
                }
                case CHOICE -> {
                    Optional<String> option = names.lookup(cell.strip());
                    if (option.isEmpty()) {
                        unknown(row, part, question, names, writeIns, cell.strip());
                        return null;
                    }
                    answer = option.get().isEmpty() ? null : NODES.textNode(option.get());
                }
                default ->
                    throw new IllegalStateException(
                            "text does not read a " + question.type().id());
            }
            part.example(cell, answer, null);
            return answer;
        }
    }

    /** {@code index}: 1-based option numbers; for a multichoice several, split by a delimiter. */
    static final class Index extends AnswerRead {
        private final ColumnPart part;
        private final List<String> options;
        private final String delimiter;

        Index(Question question, ColumnPart part, List<String> options, String delimiter) {
            super(question, List.of(part));
            this.part = part;
            this.options = List.copyOf(options);
            this.delimiter = delimiter;
        }

        @Override
        JsonNode read(RowContext row) {
            String cell = part.cell(row.cells);
            if (cell.isBlank()) {
                return null;
            }
            List<String> numbers = delimiter == null ? List.of(cell.strip()) : split(cell, delimiter);
            ArrayNode chosen = NODES.arrayNode();
            for (String number : numbers) {
                int n = WHOLE.matcher(number).matches() ? Integer.parseInt(number) : 0;
                if (n < 1 || n > options.size()) {
                    row.problem(
                            part.name,
                            question.id(),
                            "'" + number + "' is not an option number from 1 to " + options.size());
                    return null;
                }
                chosen.add(options.get(n - 1));
            }
            JsonNode answer = delimiter == null ? chosen.get(0) : chosen;
            part.example(cell, answer, null);
            return answer;
        }
    }

    /** {@code columns}: a multichoice over several columns; a non-empty cell chooses that column's option. */
    static final class Columns extends AnswerRead {
        Columns(Question question, List<ColumnPart> parts) {
            super(question, parts);
        }

        @Override
        JsonNode read(RowContext row) {
            ArrayNode chosen = NODES.arrayNode();
            for (ColumnPart p : parts) {
                String cell = p.cell(row.cells);
                if (!cell.isBlank()) {
                    chosen.add(p.option);
                    p.example(cell, p.option);
                }
            }
            return chosen.isEmpty() ? null : chosen;
        }
    }

    /** {@code delimited}: a multichoice as option names in one cell, split by a delimiter. */
    static final class Delimited extends AnswerRead {
        private final ColumnPart part;
        private final String delimiter;
        private final OptionNames names;
        private final WriteIns writeIns;

        Delimited(Question question, ColumnPart part, String delimiter, OptionNames names, WriteIns writeIns) {
            super(question, List.of(part));
            this.part = part;
            this.delimiter = delimiter;
            this.names = names;
            this.writeIns = writeIns;
        }

        @Override
        String writeInTarget() {
            return target(writeIns);
        }

        @Override
        JsonNode read(RowContext row) {
            String cell = part.cell(row.cells);
            if (cell.isBlank()) {
                return null;
            }
            ArrayNode chosen = NODES.arrayNode();
            int before = row.problems.size();
            for (String name : split(cell, delimiter)) {
                Optional<String> option = names.lookup(name);
                if (option.isEmpty()) {
                    unknown(row, part, question, names, writeIns, name);
                } else if (!option.get().isEmpty()) {
                    chosen.add(option.get());
                }
            }
            if (row.problems.size() > before) {
                return null;
            }
            part.example(cell, chosen, null);
            return chosen;
        }
    }

    /** {@code yesno}: one column per option; the yes value chooses it, empty or the no value does not. */
    static final class YesNo extends AnswerRead {
        private final String yes;
        private final String no;

        YesNo(Question question, List<ColumnPart> parts, String yes, String no) {
            super(question, parts);
            this.yes = yes;
            this.no = no;
        }

        @Override
        JsonNode read(RowContext row) {
            ArrayNode chosen = NODES.arrayNode();
            boolean ok = true;
            for (ColumnPart p : parts) {
                String cell = p.cell(row.cells).strip();
                if (cell.equalsIgnoreCase(yes)) {
                    chosen.add(p.option);
                    p.example(cell, p.option);
                } else if (cell.equalsIgnoreCase(no)) {
                    p.example(cell, null);
                } else if (!cell.isEmpty()) {
                    row.problem(
                            p.name,
                            question.id(),
                            "'" + cell + "' is neither '" + yes + "' nor '" + no + "' (nor empty)");
                    ok = false;
                }
            }
            return ok && !chosen.isEmpty() ? chosen : null;
        }
    }

    /** {@code scale}: a number on another range, rescaled to 0..100; "not applicable" by a value or a column of its own. */
    static final class Scale extends AnswerRead {
        private final ColumnPart value;
        private final ColumnPart naColumn;
        private final BigDecimal from;
        private final BigDecimal to;
        private final String na;

        Scale(Question question, ColumnPart value, ColumnPart naColumn, BigDecimal from, BigDecimal to, String na) {
            super(question, naColumn == null ? List.of(value) : List.of(value, naColumn));
            this.value = value;
            this.naColumn = naColumn;
            this.from = from;
            this.to = to;
            this.na = na;
        }

        @Override
        JsonNode read(RowContext row) {
            String cell = value.cell(row.cells).strip();
            boolean cellIsNa = na != null && cell.equalsIgnoreCase(na);
            if (naColumn != null && !naColumn.cell(row.cells).isBlank()) {
                if (!cell.isEmpty() && !cellIsNa) {
                    row.problem(
                            columns(),
                            question.id(),
                            "has both a value ('" + cell + "') and not applicable ('"
                                    + naColumn.cell(row.cells).strip() + "' in " + naColumn.name + ")");
                    return null;
                }
                naColumn.example(naColumn.cell(row.cells), AnswerValidator.NOT_APPLICABLE);
                return NODES.textNode(AnswerValidator.NOT_APPLICABLE);
            }
            if (cell.isEmpty()) {
                return null;
            }
            if (cellIsNa) {
                value.example(cell, AnswerValidator.NOT_APPLICABLE);
                return NODES.textNode(AnswerValidator.NOT_APPLICABLE);
            }
            Optional<BigDecimal> number = Scales.number(cell);
            if (number.isEmpty()) {
                row.problem(
                        value.name,
                        question.id(),
                        "'" + cell + "' is not a number" + (na == null ? "" : " nor '" + na + "'"));
                return null;
            }
            try {
                JsonNode answer = NODES.numberNode(Scales.rescale(number.get(), from, to));
                value.example(cell, answer, null);
                return answer;
            } catch (IllegalArgumentException e) {
                row.problem(
                        value.name,
                        question.id(),
                        "'" + cell + "' is " + e.getMessage() + " (mapping.questions." + question.id() + ".from)");
                return null;
            }
        }
    }

    /** {@code triad}: three percentage columns, normalized to three whole numbers adding up to 100 ({@link Triads}). */
    static final class Triad extends AnswerRead {
        Triad(Question question, List<ColumnPart> parts) {
            super(question, parts);
        }

        @Override
        JsonNode read(RowContext row) {
            BigDecimal[] shares = new BigDecimal[3];
            int given = 0;
            boolean ok = true;
            for (int i = 0; i < 3; i++) {
                String cell = parts.get(i).cell(row.cells).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                given++;
                Optional<BigDecimal> share = Scales.number(cell);
                if (share.isEmpty()) {
                    row.problem(parts.get(i).name, question.id(), "'" + cell + "' is not a number (a percentage)");
                    ok = false;
                } else {
                    shares[i] = share.get();
                }
            }
            if (given == 0 || !ok) {
                return null;
            }
            if (given < 3) {
                row.problem(columns(), question.id(), "only " + given + " of the three shares are given");
                return null;
            }
            int[] normalized;
            try {
                normalized = Triads.normalize(shares);
            } catch (IllegalArgumentException e) {
                row.problem(columns(), question.id(), e.getMessage());
                return null;
            }
            ArrayNode answer = NODES.arrayNode();
            for (int i = 0; i < 3; i++) {
                answer.add(normalized[i]);
                parts.get(i).example(parts.get(i).cell(row.cells), NODES.numberNode(normalized[i]), null);
            }
            return answer;
        }
    }

    /** {@code writein}: the cell's text answers a text question. */
    static final class WriteIn extends AnswerRead {
        private final ColumnPart part;

        WriteIn(Question question, ColumnPart part) {
            super(question, List.of(part));
            this.part = part;
        }

        @Override
        JsonNode read(RowContext row) {
            String cell = part.cell(row.cells);
            if (cell.isBlank()) {
                return null;
            }
            part.example(cell, NODES.textNode(cell), null);
            return NODES.textNode(cell);
        }
    }

    /** The non-empty parts of a cell split by a delimiter (a space splits on any run of white space), stripped. */
    static List<String> split(String cell, String delimiter) {
        String[] pieces = delimiter.isBlank() ? cell.strip().split("\\s+") : cell.split(Pattern.quote(delimiter), -1);
        List<String> parts = new ArrayList<>();
        for (String piece : pieces) {
            if (!piece.isBlank()) {
                parts.add(piece.strip());
            }
        }
        return parts;
    }
}
