package nl.vertelpunt.story.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    private static SourceFile open(String text, char separator, String commentPrefix) throws Exception {
        return SourceFile.open(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), separator, commentPrefix);
    }

    private static List<SourceFile.Row> rows(SourceFile file) throws Exception {
        List<SourceFile.Row> rows = new ArrayList<>();
        for (SourceFile.Row r = file.next(); r != null; r = file.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void shouldReadTheCommentRowUnderTheHeaderAsOptionNamesAndSkipOtherComments() throws Exception {
        String text = "\uFEFF; a comment before the header\r\n\r\n"
                + "Title,Feel,Feel\r\n"
                + "; options,happy,sad\r\n"
                + "One,happy,\r\n"
                + "; between\r\n"
                + ",,\r\n"
                + "\"Two\r\nlines\",,sad\r\n"
                + "Three,,\r\n";
        try (SourceFile file = open(text, ',', ";")) {
            assertThat(file.header().names()).containsExactly("Title", "Feel", "Feel");
            assertThat(file.header().line()).isEqualTo(3);
            assertThat(file.header().optionName(1)).isEqualTo("happy");
            assertThat(file.header().optionName(2)).isEqualTo("sad");
            assertThat(file.header().optionName(0)).isNull();
            assertThat(file.header().indexesOf("Feel")).containsExactly(1, 2);
            assertThat(file.header().position(2)).isEqualTo(2);
            List<SourceFile.Row> rows = rows(file);
            assertThat(rows).extracting(SourceFile.Row::line).containsExactly(5L, 8L, 10L);
            assertThat(rows.get(1).cells()).containsExactly("Two\r\nlines", "", "sad");
        }
    }

    @Test
    void shouldReadTheFirstDataRowWhenNoCommentRowFollowsTheHeader() throws Exception {
        try (SourceFile file = open("a;b\n1;2\n3;4\n", ';', null)) {
            assertThat(file.header().optionRow()).isNull();
            assertThat(rows(file))
                    .extracting(SourceFile.Row::cells)
                    .containsExactly(List.of("1", "2"), List.of("3", "4"));
        }
    }

    @Test
    void shouldTreatSemicolonLinesAsDataWithoutCommentPrefix() throws Exception {
        try (SourceFile file = open("a,b\n;x,y\n", ',', null)) {
            assertThat(file.header().optionRow()).isNull();
            assertThat(rows(file)).extracting(SourceFile.Row::cells).containsExactly(List.of(";x", "y"));
        }
    }

    @Test
    void shouldHaveNoHeaderWhenTheFileHasOnlyCommentsAndBlankLines() throws Exception {
        try (SourceFile file = open("; nothing\r\n\r\n", ',', ";")) {
            assertThat(file.header()).isNull();
        }
    }

    @Test
    void shouldSayWhereTheFileStopsBeingCsvOrUtf8() throws Exception {
        try (SourceFile file = open("a,b\r\n1,2\r\n3,\"open\r\n", ',', null)) {
            file.next();
            assertThatThrownBy(file::next)
                    .isInstanceOf(SourceFile.Unreadable.class)
                    .hasMessageContaining("not valid CSV")
                    .satisfies(e -> assertThat(((SourceFile.Unreadable) e).line).isEqualTo(3));
        }
        byte[] latin1 = "a,b\r\n1,2\r\nx,Caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        List<SourceFile.Row> rows = rows(SourceFile.open(new ByteArrayInputStream(latin1), ',', null));
        assertThat(rows).extracting(SourceFile.Row::badCell).containsExactly(-1, 1);
        byte[] badHeader = "Caf\u00e9,b\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SourceFile.open(new ByteArrayInputStream(badHeader), ',', null))
                .isInstanceOf(SourceFile.Unreadable.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
