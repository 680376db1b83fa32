package nl.vertelpunt.story.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.vertelpunt.story.CsvInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An exported story file, read as it streams: UTF-8 with or without a byte order mark, RFC 4180 quoting
 * with the given separator. Lines whose first cell starts with the comment prefix are comments, wherever
 * they are; blank lines and lines of empty cells are skipped. The first other line is the header; the
 * first comment line right after it (NarraFirma's second header row) is the {@link Header#optionRow()},
 * which names the option of each column of a multi-column question. The characters are read as every import reads
 * them ({@link CsvInput}: strict quoting, bytes that are not UTF-8 marked), so that each line with a cell that cannot
 * be taken in (not UTF-8, U+0000) can be named ({@link Row#badCell()}).
 */
final class SourceFile implements Closeable {

    /** The column names and, when the file has one, the comment row that follows them. */
    record Header(List<String> names, List<String> optionRow, long line) {

        /** The 0-based indexes of the columns with this name, in file order. */
        List<Integer> indexesOf(String name) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(name)) {
                    indexes.add(i);
                }
            }
            return indexes;
        }

        /**
         * The cell of the option row for a column, or null when there is none or it is empty. The first
         * cell of the row holds the comment prefix and names no option.
         */
        String optionName(int index) {
            if (optionRow == null || index == 0 || index >= optionRow.size()) {
                return null;
            }
            String name = optionRow.get(index).strip();
            return name.isEmpty() ? null : name;
        }

        /** 1-based: the how-manieth column of this name a column is. */
        int position(int index) {
            int position = 0;
            for (int i = 0; i <= index; i++) {
                if (names.get(i).equals(names.get(index))) {
                    position++;
                }
            }
            return position;
        }

        boolean isDuplicated(int index) {
            return indexesOf(names.get(index)).size() > 1;
        }
    }

    /** One data line: where its record starts in the file, and its cells. */
    record Row(long line, List<String> cells) {

        /** The index of the first cell that cannot be taken in ({@link CsvInput#problem}), or -1. */
        int badCell() {
            for (int i = 0; i < cells.size(); i++) {
                if (CsvInput.problem(cells.get(i)) != null) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The file cannot be read as CSV in UTF-8; {@code line} is where the reading stopped. */
    static final class Unreadable extends Exception {
        final long line;

        Unreadable(String message, long line) {
            super(message);
            this.line = line;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String commentPrefix;
    private final Header header;
    private Row pending;

    private SourceFile(InputStream in, char separator, String commentPrefix) throws IOException, Unreadable {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).get();
        this.parser = CSVParser.parse(CsvInput.reader(in, separator), format);
        this.records = parser.iterator();
        this.commentPrefix = commentPrefix == null || commentPrefix.isEmpty() ? null : commentPrefix;
        Row first = nextLine(false);
        if (first == null) {
            this.header = null;
            return;
        }
        if (first.badCell() >= 0) {
            throw new Unreadable("the header " + CsvInput.problem(first.cells().get(first.badCell())), first.line());
        }
        List<String> names = new ArrayList<>(first.cells());
        List<String> optionRow = null;
        Row next = nextLine(true);
        if (next != null && isComment(next.cells())) {
            if (next.badCell() >= 0) {
                throw new Unreadable(
                        "the line under the header "
                                + CsvInput.problem(next.cells().get(next.badCell())),
                        next.line());
            }
            optionRow = next.cells();
            next = null;
        }
        this.header = new Header(List.copyOf(names), optionRow == null ? null : List.copyOf(optionRow), first.line());
        this.pending = next;
    }

    /** Opens a file and reads its header; the header is null when the file has no line but comments and blanks. */
    static SourceFile open(InputStream in, char separator, String commentPrefix) throws Unreadable {
        try {
            return new SourceFile(in, separator, commentPrefix);
        } catch (IOException e) {
            throw unreadable(e, 1);
        }
    }

    Header header() {
        return header;
    }

    /** The next data line, or null at the end. */
    Row next() throws Unreadable {
        if (pending != null) {
            Row row = pending;
            pending = null;
            return row;
        }
        Row row;
        do {
            row = nextLine(true);
        } while (row != null && isComment(row.cells()));
        return row;
    }

    /** The next line that is not blank (and, unless {@code withComments}, not a comment); null at the end. */
    private Row nextLine(boolean withComments) throws Unreadable {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = record.toList();
                if (!isBlank(cells) && (withComments || !isComment(cells))) {
                    return new Row(line, cells);
                }
                line = parser.getCurrentLineNumber() + 1;
            }
            return null;
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), line);
        }
    }

    private boolean isComment(List<String> cells) {
        return commentPrefix != null && cells.get(0).startsWith(commentPrefix);
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static Unreadable unreadable(IOException e, long line) {
        return new Unreadable(
                "the file is not valid CSV (RFC 4180): " + e.getMessage(),
                e instanceof CsvInput.Malformed m ? m.line() : line);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
