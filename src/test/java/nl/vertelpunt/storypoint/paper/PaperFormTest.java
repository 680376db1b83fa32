package nl.vertelpunt.storypoint.paper;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.publishedSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaperFormTest {

    /** Whitespace as one space; a line may break after a hyphen (op-/tijd), so a hyphen joins what follows. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ").replace("- ", "-").strip();
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, offset(1f));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            return flat(new PDFTextStripper().getText(document));
        }
    }

    @Test
    void shouldPrintThePromptEveryRoleAndEveryQuestionWithItsScaleOrOptions() throws Exception {
        String slug = publishedSample("paper");
        JsonPath point = given().get("/api/storypoints/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Response response = given().get("/api/storypoints/" + slug + "/paper.pdf");
        response.then().statusCode(200).contentType("application/pdf");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/papier-voordejeugd.pdf"), response.asByteArray());
        String text = textOf(response.asByteArray());

        assertThat(text)
                .contains(flat(point.getString("definition.title.nl")))
                .contains(flat(point.getString("definition.storyPrompt.nl")))
                .contains("Je verhaal (verder)")
                .contains(slug + ", versie " + point.getInt("version"));
        for (String role : point.getList("definition.roles.label.nl", String.class)) {
            assertThat(text).contains(flat(role));
        }
        List<Map<String, Object>> questions = point.getList("definition.questions");
        assertThat(questions).hasSizeGreaterThan(10);
        int notApplicable = 0;
        for (int i = 0; i < questions.size(); i++) {
            String q = "definition.questions[" + i + "].";
            String label = point.getInt(q + "number") + ". " + flat(point.getString(q + "label.nl"));
            assertThat(text).as("question " + i).contains(label);
            switch (point.getString(q + "type")) {
                case "slider" -> {
                    assertThat(text)
                            .as(label)
                            .contains(flat(point.getString(q + "left.nl")))
                            .contains(flat(point.getString(q + "right.nl")));
                    notApplicable += point.getBoolean(q + "notApplicable") ? 1 : 0;
                }
                case "choice", "multichoice" ->
                    point.getList(q + "options.label.nl", String.class)
                            .forEach(option -> assertThat(text).as(label).contains(flat(option)));
                case "triad" ->
                    point.getList(q + "corners.nl", String.class)
                            .forEach(corner -> assertThat(text).as(label).contains(flat(corner)));
                case "text" -> assertThat(text).contains("Schrijf je antwoord op de lijnen.");
                default -> throw new AssertionError("unknown type in " + label);
            }
        }
        // "don't know" only where the question allows it; role-specific questions say for whom
        assertThat(notApplicable).isPositive();
        assertThat(text.split("Weet ik niet / niet van toepassing", -1)).hasSize(notApplicable + 1);
        assertThat(text)
                .contains("13. " + flat(point.getString("definition.questions.find { it.id == 'vertrouwen' }.label.nl"))
                        + " (Alleen voor: " + flat(point.getString("definition.roles[0].label.nl")) + ", "
                        + flat(point.getString("definition.roles[1].label.nl")) + ")");
    }

    @Test
    void shouldPrintInEnglishWhenTheStoryPointOffersIt() throws Exception {
        String slug = publishedSample("paper-en");
        JsonPath point =
                given().get("/api/storypoints/" + slug).then().extract().jsonPath();
        String text = textOf(given().queryParam("lang", "en")
                .get("/api/storypoints/" + slug + "/paper.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(text)
                .contains(flat(point.getString("definition.title.en")))
                .contains("Questions about your story")
                .contains("2. " + flat(point.getString("definition.questions.find { it.id == 'gevolg' }.label.en")))
                .doesNotContain("Vragen over je verhaal");
    }

    @Test
    void shouldRefuseALanguageTheStoryPointDoesNotHaveAndAnUnknownStoryPoint() {
        String slug = publishedSample("paper-lang");
        given().queryParam("lang", "fr")
                .get("/api/storypoints/" + slug + "/paper.pdf")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
        given().get("/api/storypoints/bestaat-niet/paper.pdf")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldPutManyOptionsInRowsOfTwo() {
        assertThat(PaperForm.rows(List.of("a", "b", "c"))).containsExactly(List.of("a"), List.of("b"), List.of("c"));
        assertThat(PaperForm.rows(List.of("a", "b", "c", "d", "e", "f", "g")))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g"));
    }
}
