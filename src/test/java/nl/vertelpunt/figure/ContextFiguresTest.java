package nl.vertelpunt.figure;

import static io.restassured.RestAssured.given;
import static nl.vertelpunt.testing.Fixtures.as;
import static nl.vertelpunt.testing.Fixtures.asAdmin;
import static nl.vertelpunt.testing.Fixtures.publishedStoryPoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.vertelpunt.testing.Fixtures;
import nl.vertelpunt.testing.Planted;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Context figures (cijfers naast de verhalen): uploads in English and Dutch, with commas or semicolons and decimal
 * commas, refused all or nothing with every bad cell named, replaced by name, deleted, only for staff of the story
 * point, and put on a card as a copy that later uploads do not change, printed with its source.
 */
@QuarkusTest
class ContextFiguresTest {

    private static final String ENGLISH = "indicator,region,period,value,unit,source\r\n"
            + "Youth in care,Twente,2020,\"12,3\",%,CBS (voorbeeld)\r\n"
            + "Waiting time,Twente,2020,7.5,weeks,Factsheet (voorbeeld)\r\n";

    private static Planted planted;

    private static String figures(String slug) {
        return "/api/storypoints/" + slug + "/figures";
    }

    private static Response upload(String slug, String set, String file) {
        return asAdmin()
                .contentType("text/csv")
                .queryParam("set", set)
                .body(file.getBytes(StandardCharsets.UTF_8))
                .put(figures(slug));
    }

    private static JsonPath list(String slug) {
        return asAdmin().get(figures(slug)).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldReadTheSampleWithDutchHeadersSemicolonsAndDecimalCommas() throws Exception {
        String slug = publishedStoryPoint("cijfers");
        String sample = Files.readString(Path.of("samples/figures/twente-voorbeeld.csv"));
        JsonPath set = upload(slug, "Voorbeeldcijfers Twente", sample)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(set.getString("name")).isEqualTo("Voorbeeldcijfers Twente");
        assertThat(set.getString("uploadedBy")).isEqualTo(Fixtures.ADMIN);
        assertThat(set.getList("figures.indicator", String.class))
                .hasSize(7)
                .startsWith("Jongeren met jeugdhulp", "Jongeren met jeugdhulp", "Jongeren met jeugdhulp");
        assertThat(set.getList("figures.value", String.class))
                .containsExactly("11.8", "12.3", "12.9", "7.5", "8.1", "1250", "312.40");
        assertThat(set.getString("figures[1].region")).isEqualTo("Twente");
        assertThat(set.getString("figures[1].period")).isEqualTo("2020");
        assertThat(set.getString("figures[1].unit")).isEqualTo("%");
        assertThat(set.getString("figures[1].source")).isEqualTo("CBS (voorbeeld)");
        JsonPath all = list(slug);
        assertThat(all.getString("storyPoint")).isEqualTo(slug);
        assertThat(all.getList("sets.name", String.class)).containsExactly("Voorbeeldcijfers Twente");
    }

    @Test
    void shouldReadEnglishHeadersWithCommasAQuotedDecimalCommaAnEmptyUnitAndTheExportsApostrophes() {
        String slug = publishedStoryPoint("cijfers");
        String file = "Source,Value,Indicator,Region,Period,Unit\n"
                + "CBS (voorbeeld),\"-3,5\",Verschil,Twente,2020,procentpunt\n"
                + "Eigen telling,'-4,'=SOM(A1),Twente,2021,\n"
                + ",,,,,\n";
        JsonPath set =
                upload(slug, "Mixed", file).then().statusCode(201).extract().jsonPath();
        assertThat(set.getList("figures.value", String.class)).containsExactly("-3.5", "-4");
        // the apostrophe the story export puts before a formula is taken off again, as the story import does
        assertThat(set.getString("figures[1].indicator")).isEqualTo("=SOM(A1)");
        assertThat(set.getString("figures[1].unit")).isEmpty();
        assertThat(set.getString("figures[0].source")).isEqualTo("CBS (voorbeeld)");
    }

    @Test
    void shouldRefuseTheWholeFileNamingEveryBadCellAndStoreNothing() {
        String slug = publishedStoryPoint("cijfers");
        upload(slug, "Cijfers", ENGLISH).then().statusCode(201);
        String bad = "indicator;regio;periode;waarde;eenheid;bron\r\n"
                + "Goed;Twente;2020;1,5;%;CBS\r\n"
                + "Geen getal;Twente;2020;veel;%;CBS\r\n"
                + "Duizendtallen;Twente;2020;1.234,5;;CBS\r\n"
                + ";Twente;2020;3;%;\r\n"
                + "Procent erbij;Twente;2020;12%;;CBS\r\n"
                + "Te kort;Twente\r\n"
                + "Goed;twente;2020;2;%;CBS\r\n"
                + "Te lang;Twente;2020;1;%;" + "b".repeat(301) + "\r\n";
        JsonPath problem = upload(slug, "Cijfers", bad)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(problem.getList("errors.field", String.class))
                .containsExactly(
                        "rows[1].value",
                        "rows[2].value",
                        "rows[3].indicator",
                        "rows[3].source",
                        "rows[4].value",
                        "rows[5]",
                        "rows[6].indicator",
                        "rows[7].source");
        assertThat(problem.getList("errors.line", Integer.class)).containsExactly(3, 4, 5, 5, 6, 7, 8, 9);
        assertThat(problem.getString("errors[1].message")).contains("between thousands");
        assertThat(problem.getString("errors[4].message")).contains("put % in the column unit");
        assertThat(problem.getString("errors[6].message")).contains("the same indicator, region and period");
        assertThat(problem.getString("detail")).startsWith("8 problems in the file; nothing was stored");
        // the set of that name is as it was
        assertThat(list(slug).getList("sets[0].figures.indicator", String.class))
                .containsExactly("Youth in care", "Waiting time");
    }

    @Test
    void shouldRefuseABadHeaderAnEmptyFileAndAMissingSetName() {
        String slug = publishedStoryPoint("cijfers");
        JsonPath header = upload(slug, "Cijfers", "indicator;regio;jaar;waarde;bron;bron\n")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(header.getList("errors.field", String.class)).containsOnly("header");
        assertThat(header.getList("errors.message", String.class))
                .anyMatch(m -> m.contains("'jaar' is not a column"))
                .anyMatch(m -> m.contains("names the column source twice"))
                .anyMatch(m -> m.contains("the column period (in Dutch periode) is missing"))
                .anyMatch(m -> m.contains("the column unit (in Dutch eenheid) is missing"));
        upload(slug, "Cijfers", "").then().statusCode(422).body("errors[0].field", equalTo("file"));
        upload(slug, "Cijfers", "indicator;regio;periode;waarde;eenheid;bron\n")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("file"));
        upload(slug, "Cijfers", "indicator,region,period,value,unit,source\nA,B,2020,12,3,%,CBS\n")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("rows[0]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("needs quotes"));
        upload(slug, "\u200b ", ENGLISH).then().statusCode(422).body("errors[0].field", equalTo("set"));
        asAdmin()
                .contentType("text/csv")
                .body(ENGLISH)
                .put(figures(slug))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("set"));
        upload(slug, "x".repeat(101), ENGLISH).then().statusCode(422).body("errors[0].field", equalTo("set"));
        StringBuilder many = new StringBuilder("indicator,region,period,value,unit,source\n");
        for (int i = 0; i <= FigureCsv.MAX_ROWS; i++) {
            many.append("Cijfer ").append(i).append(",Twente,2020,").append(i).append(",,CBS\n");
        }
        upload(slug, "Veel", many.toString())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 2000"));
        assertThat(list(slug).getList("sets")).isEmpty();
    }

    @Test
    void shouldReplaceASetByNameAddAnotherAndDeleteFiguresAndSets() {
        String slug = publishedStoryPoint("cijfers");
        long first = upload(slug, "CBS", ENGLISH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath replaced = upload(slug, "CBS", "indicator,region,period,value,unit,source\nNieuw,Twente,2021,1,,CBS\n")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(replaced.getLong("id")).isEqualTo(first);
        assertThat(replaced.getList("figures.indicator", String.class)).containsExactly("Nieuw");
        upload(slug, "Gemeente", ENGLISH).then().statusCode(201);
        JsonPath all = list(slug);
        assertThat(all.getList("sets.name", String.class)).containsExactly("CBS", "Gemeente");

        long waiting = all.getLong("sets[1].figures[1].id");
        asAdmin().delete(figures(slug) + "/" + waiting).then().statusCode(204);
        asAdmin().delete(figures(slug) + "/" + waiting).then().statusCode(404);
        assertThat(list(slug).getList("sets[1].figures.indicator", String.class))
                .containsExactly("Youth in care");
        // the last figure of a set takes the set with it
        asAdmin()
                .delete(figures(slug) + "/" + all.getLong("sets[0].figures[0].id"))
                .then()
                .statusCode(204);
        assertThat(list(slug).getList("sets.name", String.class)).containsExactly("Gemeente");
        asAdmin().queryParam("set", "Gemeente").delete(figures(slug)).then().statusCode(204);
        asAdmin().queryParam("set", "Gemeente").delete(figures(slug)).then().statusCode(404);
        assertThat(list(slug).getList("sets")).isEmpty();
    }

    @Test
    void shouldLetOnlyStaffOfTheStoryPointReadAndOnlyItsAnalystsChange() {
        String slug = publishedStoryPoint("cijfers");
        String other = publishedStoryPoint("cijfers-elders");
        long figure = upload(slug, "CBS", ENGLISH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("figures[0].id");
        String analyst = user("analyst", other);
        String facilitator = user("facilitator", slug);
        String own = user("analyst", slug);

        given().get(figures(slug)).then().statusCode(401);
        as(analyst, "een-lang-wachtwoord").get(figures(slug)).then().statusCode(403);
        as(analyst, "een-lang-wachtwoord")
                .contentType("text/csv")
                .queryParam("set", "CBS")
                .body(ENGLISH)
                .put(figures(slug))
                .then()
                .statusCode(403);
        as(analyst, "een-lang-wachtwoord")
                .delete(figures(slug) + "/" + figure)
                .then()
                .statusCode(403);
        // a figure of another story point is not found there, even by its own analyst
        as(own, "een-lang-wachtwoord")
                .delete(figures(other) + "/" + figure)
                .then()
                .statusCode(403);
        asAdmin().delete(figures(other) + "/" + figure).then().statusCode(404);
        asAdmin().get(figures("er-is-geen-vertelpunt")).then().statusCode(404);

        as(facilitator, "een-lang-wachtwoord")
                .get(figures(slug))
                .then()
                .statusCode(200)
                .body("sets[0].figures[0].id", equalTo((int) figure));
        as(facilitator, "een-lang-wachtwoord")
                .contentType("text/csv")
                .queryParam("set", "CBS")
                .body(ENGLISH)
                .put(figures(slug))
                .then()
                .statusCode(403);
        as(own, "een-lang-wachtwoord")
                .contentType("text/csv")
                .queryParam("set", "Eigen")
                .body(ENGLISH)
                .put(figures(slug))
                .then()
                .statusCode(201)
                .body("uploadedBy", equalTo(own));
        as(own, "een-lang-wachtwoord")
                .delete(figures(slug) + "/" + figure)
                .then()
                .statusCode(204);
    }

    @Test
    void shouldPutACopyOfAFigureOnACardThatPrintsItWithItsSource() throws Exception {
        if (planted == null) {
            planted = Planted.create("cijfers-kaart", 300, 11);
        }
        String slug = planted.slug();
        JsonPath set = upload(
                        slug,
                        "Factsheet",
                        "indicator;regio;periode;waarde;eenheid;bron\n"
                                + "Jongeren met jeugdhulp;Twente;2020;12,3;%;CBS (voorbeeld)\n"
                                + "Jeugdbeschermingsmaatregelen;Twente;2020;1250;jongeren;CBS (voorbeeld)\n")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long share = set.getLong("figures[0].id");
        long count = set.getLong("figures[1].id");
        String elsewhere = publishedStoryPoint("cijfers-elders");
        long foreign = upload(elsewhere, "Elders", ENGLISH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("figures[0].id");
        String card =
                planted.draftCards(List.of(Planted.EIGHT_CARD_PATTERNS.get(0))).get(0);

        JsonPath refused = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "figures", List.of(share, foreign, share)))
                .put("/api/cards/" + card)
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(refused.getList("errors.field", String.class)).containsExactly("figures[1]", "figures[2]");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "figures", List.of(1L, 2L, 3L, 4L)))
                .put("/api/cards/" + card)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("figures"));

        JsonPath saved = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 1, "figures", List.of(count, share)))
                .put("/api/cards/" + card)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(saved.getList("figures.indicator", String.class))
                .containsExactly("Jeugdbeschermingsmaatregelen", "Jongeren met jeugdhulp");
        assertThat(saved.getString("figures[1].value")).isEqualTo("12.3");

        // a new upload of the set changes the figures, not the card
        upload(
                        slug,
                        "Factsheet",
                        "indicator;regio;periode;waarde;eenheid;bron\n"
                                + "Jongeren met jeugdhulp;Twente;2020;99,9;%;Andere bron\n")
                .then()
                .statusCode(200);
        JsonPath kept = asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 2, "title", "Met cijfers"))
                .put("/api/cards/" + card)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(kept.getList("figures.value", String.class)).containsExactly("1250", "12.3");
        assertThat(kept.getList("figures.source", String.class)).containsOnly("CBS (voorbeeld)");
        // saving the same list keeps the copies, though their figures are gone
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 3, "figures", List.of(share, count)))
                .put("/api/cards/" + card)
                .then()
                .statusCode(200)
                .body("figures.value", equalTo(List.of("12.3", "1250")));
        assertThat(asAdmin()
                        .get("/api/cards/" + card + "/revisions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("content[0].figures.indicator", String.class))
                .containsExactly("Jongeren met jeugdhulp", "Jeugdbeschermingsmaatregelen");

        String html = asAdmin()
                .queryParam("card", card)
                .get("/api/storypoints/" + slug + "/cards/deck.html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("Cijfers naast de verhalen")
                .contains("<th scope=\"row\">Jongeren met jeugdhulp</th><td>Twente</td><td>2020</td>"
                        + "<td class=\"waarde\">12,3%</td><td>CBS (voorbeeld)</td>")
                .contains("<td class=\"waarde\">1.250\u00a0jongeren</td>")
                .doesNotContain("99,9%")
                .doesNotContain("Andere bron");

        byte[] pdf = asAdmin()
                .queryParam("card", card)
                .get("/api/storypoints/" + slug + "/cards/deck.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text)
                    .containsIgnoringCase("Cijfers naast de verhalen")
                    .contains("Jongeren met jeugdhulp Twente 2020 12,3% CBS (voorbeeld)")
                    .contains("12,3%")
                    .contains("1.250 jongeren")
                    .contains("CBS (voorbeeld)")
                    .contains("niet uit de verhalen");
        }

        // taking the figures off the card
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("version", 4, "figures", List.of()))
                .put("/api/cards/" + card)
                .then()
                .statusCode(200)
                .body("figures", equalTo(List.of()));
    }

    private static String user(String role, String storyPoint) {
        String name = Fixtures.uniqueSlug(role);
        Fixtures.adminPost(
                "/api/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        "een-lang-wachtwoord",
                        "roles",
                        List.of(role),
                        "storyPoints",
                        List.of(storyPoint)),
                201,
                "username");
        return name;
    }
}
