package nl.vertelpunt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every interface text exists in Dutch and English, is not empty, and uses the same placeholders: the
 * form's texts ({@code nl.json}, {@code en.json}), the withdrawal page's ({@code intrekken.*.json}), the
 * workspace's ({@code werkplek.*.json}), the verteltafel's ({@code verteltafel.*.json}), an observation
 * card's ({@code kaart.*.json}), the table page's ({@code tafel.*.json}), the page for a table's short code ({@code tafelcode.*.json}) and the page of what was done with
 * the stories ({@code verhalen.*.json}).
 */
class TranslationsTest {

    private static Map<String, String> load(String catalogue, String language) throws IOException {
        return new ObjectMapper()
                .readValue(
                        Path.of("frontend/src/i18n", catalogue + language + ".json")
                                .toFile(),
                        new TypeReference<>() {});
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)(?:\\|[^{}]*)?}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @ParameterizedTest(name = "{0}nl.json and {0}en.json")
    @ValueSource(
            strings = {"", "intrekken.", "werkplek.", "verteltafel.", "kaart.", "tafel.", "tafelcode.", "verhalen."})
    void shouldHaveEveryTextInDutchAndEnglish(String catalogue) throws IOException {
        Map<String, String> nl = load(catalogue, "nl");
        Map<String, String> en = load(catalogue, "en");
        assertThat(en.keySet()).as("keys in English").containsExactlyInAnyOrderElementsOf(nl.keySet());
        nl.forEach((key, dutch) -> {
            assertThat(dutch).as("nl " + key).isNotBlank();
            assertThat(en.get(key)).as("en " + key).isNotBlank();
            assertThat(placeholders(en.get(key))).as("placeholders of " + key).isEqualTo(placeholders(dutch));
        });
    }
}
