package nl.vertelpunt.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Habits of the code that the formatter does not enforce: types are named by imports, not by fully qualified names
 * written inline in the code (comments and strings may name them). Plain JUnit: it reads the sources.
 */
class SourceHabitsTest {

    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.])(?:java|javax|jakarta|nl|com|org|io)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");

    @Test
    void shouldNameTypesByImportsNotInline() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = codeOnly(Files.readString(file));
                String[] lines = code.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].startsWith("import ") || lines[i].startsWith("package ")) {
                        continue;
                    }
                    Matcher m = QUALIFIED.matcher(lines[i]);
                    while (m.find()) {
                        inline.add(file + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(inline).as("fully qualified names written inline").isEmpty();
    }

    @Test
    void shouldFindAnInlineNameWhereThereIsOne() {
        String code =
                codeOnly("class A { java.util.List<String> x; // java.util.Map\n String s = \"java.util.Set\"; }");
        Matcher m = QUALIFIED.matcher(code);
        assertThat(m.find()).isTrue();
        assertThat(m.group()).isEqualTo("java.util.List");
        assertThat(m.find()).as("comments and strings are not code").isFalse();
    }

    /** The source with comments, strings, characters and text blocks blanked out (line breaks kept). */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
