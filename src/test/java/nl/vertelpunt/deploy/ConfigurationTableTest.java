package nl.vertelpunt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table lists every setting an operator has: every {@code vertelpunt.*} property the
 * code reads (through {@code @ConfigProperty}, {@code @ConfigMapping}, {@code Config.getOptionalValue} or a
 * {@code ${…}} expression in an annotation) or {@code application.properties} sets, and every Quarkus property
 * {@code application.properties} sets outside the build's own settings; each with its environment variable and
 * the default that {@code application.properties} or the code gives it. Plain JUnit: it reads the files.
 */
class ConfigurationTableTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path README = Path.of("README.md");

    /** Quarkus settings of application.properties that are the application's or the build's own, not an operator's. */
    private static final List<String> NOT_FOR_OPERATORS = List.of(
            "quarkus.container-image.",
            "quarkus.jib.",
            "quarkus.kubernetes.", // image and manifests (deploy/)
            "quarkus.quinoa.", // building the web app
            "mp.openapi.",
            "quarkus.smallrye-openapi.",
            "quarkus.swagger-ui.", // API documentation
            "quarkus.datasource.db-kind",
            "quarkus.devservices.",
            "quarkus.flyway.",
            "quarkus.hibernate-orm.",
            "quarkus.http.auth.",
            "quarkus.http.header.",
            "quarkus.jackson.",
            "quarkus.micrometer.",
            "quarkus.banner.",
            "quarkus.log.category.",
            "quarkus.log.file."); // fixed by the application

    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern CONFIG_LOOKUP = Pattern.compile("get(?:Optional)?Value\\(\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\"\\$\\{([a-z0-9.-]+)(?::([^}]*))?}\"");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING_METHOD =
            Pattern.compile("(?:@WithDefault\\(\"([^\"]*)\"\\)\\s*)?\\w[\\w<>, ]*\\s+(\\w+)\\(\\);");

    /** A row of the table: environment variable cell, property, default cell. */
    private record Row(String environment, String property, String defaultValue) {}

    /** Every vertelpunt.* property the code reads, with the default the code gives it (empty when none). */
    static Map<String, String> readByTheCode() throws IOException {
        Map<String, String> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = CONFIG_PROPERTY.matcher(source);
            while (m.find()) {
                found.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
            m = CONFIG_LOOKUP.matcher(source);
            while (m.find()) {
                found.putIfAbsent(m.group(1), "");
            }
            m = EXPRESSION.matcher(source);
            while (m.find()) {
                found.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
            m = MAPPING.matcher(source);
            if (m.find()) {
                String prefix = m.group(1);
                Matcher method = MAPPING_METHOD.matcher(source.substring(source.indexOf('{', m.end())));
                while (method.find()) {
                    found.put(prefix + "." + kebab(method.group(2)), method.group(1) == null ? "" : method.group(1));
                }
            }
        }
        found.keySet().removeIf(name -> !name.startsWith("vertelpunt."));
        return found;
    }

    /** The properties application.properties sets for every profile, with their values. */
    static Map<String, String> setInProperties() throws IOException {
        Map<String, String> set = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PROPERTIES, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("%")) {
                continue;
            }
            int eq = l.indexOf('=');
            set.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return set;
    }

    static List<Row> table() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration\n");
        assertThat(start).as("README has a section Configuration").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        List<Row> rows = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| Environment variable") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|", -1); // the first is the empty text before the leading bar
            assertThat(cells.length).as("cells of %s", line).isEqualTo(6);
            Matcher property = Pattern.compile("`([^`]+)`").matcher(cells[2]);
            assertThat(property.find()).as("a property in %s", line).isTrue();
            rows.add(new Row(cells[1].strip(), property.group(1), cells[3].strip()));
        }
        return rows;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable SmallRye Config maps to a property: upper case, every other character an underscore. */
    static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** What an operator must find in the table: its property name and the default the service starts with. */
    static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new TreeMap<>(readByTheCode());
        setInProperties().forEach((name, value) -> {
            if (NOT_FOR_OPERATORS.stream().noneMatch(name::startsWith)) {
                expected.put(name, value);
            }
        });
        return expected;
    }

    @Test
    void shouldFindTheSettingsInTheSources() throws IOException {
        // the scan itself: settings read in each of the four ways, and ones only application.properties sets
        assertThat(readByTheCode())
                .containsKeys(
                        "vertelpunt.session.idle",
                        "vertelpunt.moderation.names",
                        "vertelpunt.evaluation.heartbeat-timeout",
                        "vertelpunt.data-dir",
                        "vertelpunt.cleanup.every");
        assertThat(readByTheCode())
                .containsEntry("vertelpunt.session.idle", "2h")
                .containsEntry("vertelpunt.evaluation.max-attempts", "3");
        assertThat(expected())
                .containsKeys(
                        "quarkus.datasource.jdbc.acquisition-timeout",
                        "quarkus.transaction-manager.default-transaction-timeout")
                .doesNotContainKey("quarkus.kubernetes.replicas");
        assertThat(kebab("heartbeatTimeout")).isEqualTo("heartbeat-timeout");
    }

    @Test
    void shouldDocumentEverySettingInTheReadmeTable() throws IOException {
        Map<String, Row> documented = new TreeMap<>();
        table().forEach(row -> documented.put(row.property(), row));
        assertThat(documented.keySet())
                .as("settings missing from README's configuration table")
                .containsAll(expected().keySet());
    }

    @Test
    void shouldGiveEachSettingItsEnvironmentVariableAndDefault() throws IOException {
        Map<String, String> expected = expected();
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            if (row.environment().startsWith("in `QUARKUS_DATASOURCE_JDBC_URL`")) {
                // driver properties: no environment variable can name them (their case matters), the URL can
                if (!row.property().startsWith("quarkus.datasource.jdbc.additional-jdbc-properties.")) {
                    wrong.add(row.property() + ": only driver properties go in the URL");
                }
            } else if (!row.environment().equals("`" + environmentVariable(row.property()) + "`")) {
                wrong.add(row.property() + ": environment variable " + row.environment());
            }
            String value = expected.get(row.property());
            if (value != null && !value.isEmpty() && !row.defaultValue().startsWith("`" + value + "`")) {
                wrong.add(
                        row.property() + ": default " + row.defaultValue() + ", but the service starts with " + value);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldDocumentNoSettingTheCodeDoesNotHave() throws IOException {
        Map<String, String> expected = expected();
        TreeSet<String> stale = new TreeSet<>();
        table().stream()
                .map(Row::property)
                .filter(p -> p.startsWith("vertelpunt."))
                .filter(p -> !expected.containsKey(p))
                .forEach(stale::add);
        assertThat(stale)
                .as("vertelpunt settings in the table that nothing reads")
                .isEmpty();
    }
}
