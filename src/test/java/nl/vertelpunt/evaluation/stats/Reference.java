package nl.vertelpunt.evaluation.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The golden values of {@code src/test/resources/stats/reference.json}, written by
 * {@code src/test/python/reference_stats.py} from SciPy. Non-finite numbers are the strings "NaN",
 * "Infinity" and "-Infinity".
 */
final class Reference {

    private static final JsonNode ROOT = load();

    private Reference() {}

    private static JsonNode load() {
        try (InputStream in = Reference.class.getResourceAsStream("/stats/reference.json")) {
            if (in == null) {
                throw new IllegalStateException("stats/reference.json is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode root() {
        return ROOT;
    }

    /** The cases of a section as (name, case) arguments of a parameterized test. */
    static Stream<Arguments> cases(String section) {
        return caseList(section).stream()
                .map(node -> Arguments.of(node.get("name").asText(), node));
    }

    static List<JsonNode> caseList(String section) {
        JsonNode cases = ROOT.get(section);
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw new IllegalStateException("reference.json has no cases in section " + section);
        }
        List<JsonNode> list = new ArrayList<>();
        cases.forEach(list::add);
        return list;
    }

    /** The case of a section with the given name. */
    static JsonNode named(String section, String name) {
        return caseList(section).stream()
                .filter(node -> node.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no case '" + name + "' in section " + section));
    }

    static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalStateException("missing number");
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalStateException("not a number: " + node);
            };
        }
        return node.doubleValue();
    }

    static double[] numbers(JsonNode node) {
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(node.get(i));
        }
        return values;
    }

    static double[][] matrix(JsonNode node) {
        double[][] values = new double[node.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = numbers(node.get(i));
        }
        return values;
    }

    static int[] ints(JsonNode node) {
        int[] values = new int[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).intValue();
        }
        return values;
    }

    static long[][] counts(JsonNode node) {
        long[][] table = new long[node.size()][];
        for (int i = 0; i < table.length; i++) {
            JsonNode row = node.get(i);
            table[i] = new long[row.size()];
            for (int j = 0; j < row.size(); j++) {
                table[i][j] = row.get(j).longValue();
            }
        }
        return table;
    }
}
