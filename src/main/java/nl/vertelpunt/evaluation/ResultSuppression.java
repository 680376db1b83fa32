package nl.vertelpunt.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.vertelpunt.dashboard.Suppression;

/**
 * Applies {@link Suppression} to an evaluation result before staff see it: every count of stories
 * (stories, n, bins, table cells, categories, distributions) becomes 0, "&lt;k" or a multiple of k, shares
 * are computed from the shown counts, and groups under k lose their statistics and bins. Of a run over 1 to k−1
 * stories only the rounded count is shown ({@code tooFew}), and of a question answered in 1 to k−1 stories no
 * statistics, categories or shares ({@code tooFew} on its distribution). Expected counts are left
 * out (they are computed from exact counts). Test statistics, p, q and effect sizes are kept exact: they
 * are what the evaluation is about. Notes and skip reasons never hold a count of stories. The stored result
 * stays exact, for provenance.
 */
final class ResultSuppression {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> GROUP_STATS = List.of("mean", "median", "mode", "sd", "skewness", "kurtosis");

    private ResultSuppression() {}

    static JsonNode apply(JsonNode result, Suppression suppression) {
        if (!suppression.active() || !(result instanceof ObjectNode root)) {
            return result;
        }
        root.put("suppressionThreshold", suppression.threshold());
        if (suppression.tooFew(root.path("stories").asLong())) {
            // of 1 to k-1 stories nothing is shown but that there are too few (their answers would show through)
            count(root, "stories", suppression);
            // the lists stay, empty, so that every reader finds the same shape
            root.putArray("distributions");
            root.putArray("patterns");
            root.remove("subset");
            root.put("tooFew", true);
            return root;
        }
        count(root, "stories", suppression);
        for (JsonNode d : iterable(root.get("distributions"))) {
            ObjectNode distribution = (ObjectNode) d;
            if (suppression.tooFew(distribution.path("answered").asLong())) {
                // a question answered in 1 to k-1 stories: no statistics, categories or shares of those answers
                for (String field : List.of("stats", "categories", "meanShares")) {
                    distribution.remove(field);
                }
                distribution.put("tooFew", true);
            }
            for (String field : List.of("answered", "notApplicable", "unanswered", "notAsked")) {
                count(distribution, field, suppression);
            }
            group(distribution.get("stats"), suppression);
            categories(distribution.get("categories"), suppression);
        }
        patterns(root.get("patterns"), suppression);
        if (root.get("subset") instanceof ObjectNode subset) {
            for (String field :
                    List.of("subsetStories", "otherStories", "overlappingStories", "otherWithoutSubsetAnswer")) {
                count(subset, field, suppression);
            }
            patterns(subset.get("patterns"), suppression);
        }
        return root;
    }

    static void patterns(JsonNode patterns, Suppression suppression) {
        for (JsonNode p : iterable(patterns)) {
            ObjectNode pattern = (ObjectNode) p;
            // a pattern taken onto a card says by itself that its counts are rounded, and to what
            pattern.put("suppressionThreshold", suppression.threshold());
            count(pattern, "n", suppression);
            for (JsonNode g : iterable(pattern.get("groups"))) {
                group(g, suppression);
            }
            if (pattern.get("table") instanceof ObjectNode table) {
                cells(table.get("counts"), suppression);
                table.remove("expected");
            }
            if (pattern.get("joint") instanceof ObjectNode joint) {
                cells(joint.get("bins"), suppression);
            }
            if (pattern.get("ternary") instanceof ObjectNode ternary) {
                row(ternary.get("cells"), suppression);
            }
        }
    }

    private static void group(JsonNode node, Suppression suppression) {
        if (!(node instanceof ObjectNode group)) {
            return;
        }
        long n = group.path("n").asLong();
        if (!suppression.shows(n)) {
            // a group under k is described by nothing but its count: no statistics, and no bins, whose zeros
            // would tell where its few answers lie
            GROUP_STATS.forEach(group::putNull);
            group.remove("bins");
            // nor the centre or zones of a triad's few answers
            group.remove("meanShares");
            group.remove("zones");
        }
        count(group, "n", suppression);
        row(group.get("bins"), suppression);
        row(group.get("zones"), suppression);
    }

    /** Every count of a list shown as counts are. */
    private static void row(JsonNode node, Suppression suppression) {
        if (node instanceof ArrayNode counts) {
            for (int i = 0; i < counts.size(); i++) {
                counts.set(i, shown(counts.get(i).asLong(), suppression));
            }
        }
    }

    private static void categories(JsonNode node, Suppression suppression) {
        if (!(node instanceof ArrayNode categories)) {
            return;
        }
        long shownTotal = 0;
        for (JsonNode c : categories) {
            shownTotal += suppression.rounded(c.path("count").asLong());
        }
        for (JsonNode c : categories) {
            ObjectNode category = (ObjectNode) c;
            long n = category.path("count").asLong();
            count(category, "count", suppression);
            if (shownTotal == 0 || !suppression.shows(n)) {
                category.putNull("share");
            } else {
                category.put("share", suppression.rounded(n) / (double) shownTotal);
            }
        }
    }

    private static void cells(JsonNode node, Suppression suppression) {
        for (JsonNode row : iterable(node)) {
            ArrayNode cells = (ArrayNode) row;
            for (int i = 0; i < cells.size(); i++) {
                cells.set(i, shown(cells.get(i).asLong(), suppression));
            }
        }
    }

    private static void count(ObjectNode node, String field, Suppression suppression) {
        if (node.has(field) && node.get(field).isNumber()) {
            node.set(field, shown(node.get(field).asLong(), suppression));
        }
    }

    private static JsonNode shown(long n, Suppression suppression) {
        Object shown = suppression.count(n);
        return shown instanceof String s ? NODES.textNode(s) : NODES.numberNode(((Number) shown).longValue());
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }
}
