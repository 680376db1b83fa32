package nl.vertelpunt.story;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.Texts;

/**
 * How every imported CSV file is read (the exchange format and other tools' exports alike): UTF-8 with or without a
 * byte order mark, RFC 4180 quoting, strictly. A quote inside a field that does not begin with one ({@code Hij zei
 * "nee"}) and text after a field's closing quote are refused with the line ({@link Malformed}), not read as data.
 * Bytes that are not UTF-8 become {@link #UNDECODABLE}, a character that no UTF-8 decodes to, so that the cell that
 * held them can be named; {@link #problem} says why a cell cannot be taken in.
 */
public final class CsvInput {

    /**
     * What the decoder puts where bytes are not UTF-8: half of a surrogate pair, which valid UTF-8 never gives (so a
     * real U+FFFD in a file is taken as it is). It never leaves the import: a cell that holds it is refused.
     */
    public static final char UNDECODABLE = '\uDFFF';

    /** The file breaks RFC 4180's quoting at {@code line}. */
    public static final class Malformed extends IOException {
        private final long line;

        Malformed(String message, long line) {
            super(message + " (line " + line + ")");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private CsvInput() {}

    /** A reader of the file's characters for a CSV parser with this separator, checking the quoting as it goes. */
    public static Reader reader(InputStream in, char separator) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDECODABLE));
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return new QuoteCheck(reader, separator);
    }

    /**
     * Why a file could not be read to its end, as the problem of the field {@code file}: where its quoting broke, or
     * the line the reader had come to.
     */
    public static FieldError unreadable(IOException e, long line) {
        return new FieldError(
                "file",
                "the file is not valid CSV (RFC 4180): " + e.getMessage(),
                e instanceof Malformed m ? m.line() : line);
    }

    /** The {@link IOException} behind a failure to read a file, however the parser wrapped it. */
    public static IOException cause(Exception e) {
        return e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    }

    /** Why a cell cannot be taken in, or null. */
    public static String problem(String cell) {
        if (cell.indexOf(UNDECODABLE) >= 0) {
            String shown = cell.replace(UNDECODABLE, '\uFFFD');
            return "'" + (shown.length() <= 40 ? shown : shown.substring(0, 39) + "\u2026")
                    + "' is not valid UTF-8; save the file as UTF-8";
        }
        return Texts.problem(cell);
    }

    /** Follows RFC 4180's quoting over the characters as the parser reads them. */
    private static final class QuoteCheck extends FilterReader {

        private enum State {
            FIELD_START,
            UNQUOTED,
            QUOTED,
            QUOTE_IN_QUOTED
        }

        private final char separator;
        private State state = State.FIELD_START;
        private long line = 1;
        private boolean afterCarriageReturn;

        QuoteCheck(Reader in, char separator) {
            super(in);
            this.separator = separator;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                follow((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                follow(buffer[offset + i]);
            }
            return n;
        }

        private void follow(char c) throws Malformed {
            boolean lineEnd = c == '\n' || c == '\r';
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
            state = switch (state) {
                case FIELD_START ->
                    c == '"' ? State.QUOTED : c == separator || lineEnd ? State.FIELD_START : State.UNQUOTED;
                case UNQUOTED -> {
                    if (c == '"') {
                        throw new Malformed(
                                "a quote inside a field that does not begin with one; put the whole field in quotes"
                                        + " and write the quote twice",
                                line);
                    }
                    yield c == separator || lineEnd ? State.FIELD_START : State.UNQUOTED;
                }
                case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
                case QUOTE_IN_QUOTED -> {
                    if (c == '"') {
                        yield State.QUOTED;
                    }
                    if (c == separator || lineEnd) {
                        yield State.FIELD_START;
                    }
                    throw new Malformed("text after the closing quote of a field", line);
                }
            };
        }
    }
}
