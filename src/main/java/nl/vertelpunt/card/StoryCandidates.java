package nl.vertelpunt.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Finds the stories inside a pattern's most distinct groups or cells, with how typical each is:
 * slider × choice, the groups with the lowest and the highest mean, closest to the group's median;
 * choice × choice, the (at most two) cells most over-represented (adjusted residual above 2);
 * slider × slider, the two corners the correlation runs between, closest to the corner's centre;
 * triad × choice, the two groups whose centres lie furthest apart, closest to their group's centre.
 * Only stories of the evaluation's filter take part, and only of the story points of the scope given (a card of a
 * module-wide evaluation takes stories of its own story point alone).
 */
final class StoryCandidates {

    /** Candidates read per group; the choice is made among the most typical. */
    private static final int PER_GROUP = 40;

    /** A group of the pattern: its name, the SQL condition on alias {@code s}, and how far a story lies from its centre. */
    record Group(
            String name,
            String label,
            String condition,
            List<Object> params,
            String distance,
            List<Object> distanceParams) {}

    private StoryCandidates() {}

    /** The groups whose stories best show the pattern, most distinct first. */
    static List<Group> groups(JsonNode pattern, StoryPointDefinition definition) {
        String kind = pattern.path("kind").asText();
        Variable a = Variable.of(pattern.path("questions").path(0).asText(), definition);
        Variable b = Variable.of(pattern.path("questions").path(1).asText(), definition);
        List<Group> groups = new ArrayList<>();
        JsonNode rule = pattern.path("zoneRule");
        switch (kind) {
            case "slider_by_choice" -> {
                List<JsonNode> tested = new ArrayList<>();
                pattern.path("groups").forEach(g -> {
                    if (g.path("tested").asBoolean(true) && g.path("mean").isNumber()) {
                        tested.add(g);
                    }
                });
                tested.sort(Comparator.comparingDouble(
                                (JsonNode g) -> g.path("mean").asDouble())
                        .thenComparing(g -> g.path("category").asText()));
                if (tested.size() >= 2) {
                    for (JsonNode g : List.of(tested.get(0), tested.get(tested.size() - 1))) {
                        Condition in =
                                category(b, g.path("category").asText(), rule).and(slider(a));
                        groups.add(new Group(
                                g.path("category").asText(),
                                g.path("label").asText(),
                                in.sql(),
                                in.params(),
                                "abs(" + a.sliderValue() + " - ?)",
                                plus(a.sliderParams(), g.path("median").asDouble())));
                    }
                }
            }
            case "choice_by_choice" -> {
                JsonNode table = pattern.path("table");
                record Cell(int row, int column, double residual) {}
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < table.path("rows").size(); i++) {
                    for (int j = 0; j < table.path("columns").size(); j++) {
                        double residual =
                                table.path("adjustedResiduals").path(i).path(j).asDouble(0);
                        if (residual > 2) {
                            cells.add(new Cell(i, j, residual));
                        }
                    }
                }
                cells.sort(Comparator.comparingDouble((Cell c) -> -c.residual())
                        .thenComparingInt(Cell::row)
                        .thenComparingInt(Cell::column));
                for (Cell c : cells.subList(0, Math.min(2, cells.size()))) {
                    String row = table.path("rows").path(c.row()).asText();
                    String column = table.path("columns").path(c.column()).asText();
                    Condition in = category(a, row, rule).and(category(b, column, rule));
                    groups.add(new Group(
                            row + "×" + column,
                            table.path("rowLabels").path(c.row()).asText(row) + " × "
                                    + table.path("columnLabels")
                                            .path(c.column())
                                            .asText(column),
                            in.sql(),
                            in.params(),
                            "0",
                            List.of()));
                }
            }
            case "slider_by_slider" -> {
                boolean rising = pattern.path("effectSize").path("value").asDouble() >= 0;
                for (boolean low : List.of(true, false)) {
                    boolean yLow = low == rising;
                    Condition in = slider(a)
                            .and(slider(b))
                            .and(new Condition(a.sliderValue() + (low ? " <= 33" : " >= 67"), a.sliderParams()))
                            .and(new Condition(b.sliderValue() + (yLow ? " <= 33" : " >= 67"), b.sliderParams()));
                    groups.add(new Group(
                            (low ? "low" : "high") + "×" + (yLow ? "low" : "high"),
                            (low ? ObservationDrafter.part("laag", 0, 33) : ObservationDrafter.part("hoog", 67, 100))
                                    + " × "
                                    + (yLow
                                            ? ObservationDrafter.part("laag", 0, 33)
                                            : ObservationDrafter.part("hoog", 67, 100)),
                            in.sql(),
                            in.params(),
                            "abs(" + a.sliderValue() + " - ?) + abs(" + b.sliderValue() + " - ?)",
                            plus(plus(plus(a.sliderParams(), low ? 17 : 83), b.sliderParams()), yLow ? 17 : 83)));
                }
            }
            case "triad_by_choice" -> {
                List<JsonNode> tested = new ArrayList<>();
                pattern.path("groups").forEach(g -> {
                    if (g.path("tested").asBoolean(true) && g.path("meanShares").size() == 3) {
                        tested.add(g);
                    }
                });
                JsonNode[] furthest = ObservationDrafter.furthest(tested);
                String t = a.question().id();
                for (JsonNode g : furthest == null ? new JsonNode[0] : furthest) {
                    Condition in = category(b, g.path("category").asText(), rule)
                            .and(new Condition("jsonb_typeof(s.answers -> ?) = 'array'", List.of(t)));
                    JsonNode m = g.path("meanShares");
                    groups.add(new Group(
                            g.path("category").asText(),
                            g.path("label").asText(),
                            in.sql(),
                            in.params(),
                            "abs((s.answers -> ? ->> 0)::int - ?) + abs((s.answers -> ? ->> 1)::int - ?)"
                                    + " + abs((s.answers -> ? ->> 2)::int - ?)",
                            List.of(
                                    t,
                                    m.path(0).asDouble(),
                                    t,
                                    m.path(1).asDouble(),
                                    t,
                                    m.path(2).asDouble())));
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "no typical stories can be found for patterns of kind '" + kind + "'");
        }
        return groups;
    }

    /**
     * The candidates of every group, the most typical first, at most {@value #PER_GROUP} each, from the stories of
     * {@code scope} (for a card: the story point it belongs to) that pass {@code filter}.
     */
    static List<TypicalStories.Candidate> find(
            Connection c, EvaluationScope scope, StoryFilter filter, List<Group> groups, Collection<Long> excluded)
            throws SQLException {
        StoryFilter.Condition base = scope.condition(filter);
        List<TypicalStories.Candidate> out = new ArrayList<>();
        for (Group g : groups) {
            String sql = "SELECT s.pk, s.id, s.role, s.word_count, " + g.distance()
                    + " AS distance, s.complete, s.flagged, s.hidden"
                    + " FROM story s WHERE " + base.sql() + " AND s.complete AND NOT s.flagged AND NOT s.hidden AND "
                    + g.condition()
                    + " AND NOT (s.pk = ANY (?)) ORDER BY distance, md5(s.id) LIMIT " + PER_GROUP;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int next = 1;
                for (Object p : g.distanceParams()) {
                    ps.setObject(next++, p);
                }
                next = base.bind(c, ps, next);
                for (Object p : g.params()) {
                    ps.setObject(next++, p);
                }
                ps.setArray(next, c.createArrayOf("bigint", excluded.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TypicalStories.Candidate(
                                rs.getLong(1),
                                rs.getString(2),
                                g.name(),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getDouble(5),
                                rs.getBoolean(6),
                                rs.getBoolean(7),
                                rs.getBoolean(8)));
                    }
                }
            }
        }
        return out;
    }

    private record Condition(String sql, List<Object> params) {

        Condition and(Condition other) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(other.params);
            return new Condition(sql + " AND " + other.sql, all);
        }
    }

    /** The triad's answer lies in this zone, by the rule of the zones of the pattern. */
    private static Condition zone(String triad, String zone, JsonNode rule) {
        int corner = rule.path("cornerShare").asInt(60);
        int edge = rule.path("edgeShare").asInt(20);
        String[] share = new String[3];
        List<Object> params = new ArrayList<>();
        params.add(triad);
        for (int i = 0; i < 3; i++) {
            share[i] = "(s.answers -> ? ->> " + i + ")::int";
        }
        String noCorner =
                share[0] + " < " + corner + " AND " + share[1] + " < " + corner + " AND " + share[2] + " < " + corner;
        List<Object> three = List.of(triad, triad, triad);
        String sql;
        switch (zone) {
            case "corner-a", "corner-b", "corner-c" -> {
                sql = share[zone.charAt(7) - 'a'] + " >= " + corner;
                params.add(triad);
            }
            case "edge-bc", "edge-ac", "edge-ab" -> {
                int low = zone.equals("edge-bc") ? 0 : zone.equals("edge-ac") ? 1 : 2;
                sql = noCorner + " AND " + share[low] + " < " + edge;
                params.addAll(three);
                params.add(triad);
            }
            case "centre" -> {
                sql = noCorner + " AND " + share[0] + " >= " + edge + " AND " + share[1] + " >= " + edge + " AND "
                        + share[2] + " >= " + edge;
                params.addAll(three);
                params.addAll(three);
            }
            default -> throw new IllegalArgumentException("'" + zone + "' is not a zone of a triad");
        }
        return new Condition("jsonb_typeof(s.answers -> ?) = 'array' AND " + sql, params);
    }

    /** The story gave a number (not "not applicable") on this slider. */
    private static Condition slider(Variable v) {
        return new Condition("jsonb_typeof" + v.sliderJson() + " = 'number'", v.sliderParams());
    }

    /** A list of parameters, then more. */
    private static List<Object> plus(List<Object> params, Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Object> plus(List<Object> params, List<Object> more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(more);
        return all;
    }

    /**
     * The story falls in this category of a choice, a role, a multichoice option ("yes"/"no"), or a zone of a triad
     * (by the pattern's {@code zoneRule}, see {@code TriadZones}).
     */
    private static Condition category(Variable v, String category, JsonNode rule) {
        if (v.isZone()) {
            return zone(v.question().id(), category, rule);
        }
        if (v.isRole()) {
            return new Condition("s.role = ?", List.of(category));
        }
        if (v.isStoryPoint()) {
            return new Condition(
                    "s.story_point_id = (SELECT p.id FROM story_point p WHERE p.slug = ?)", List.of(category));
        }
        if (v.option() != null) {
            String q = v.question().id();
            return "yes".equals(category)
                    ? new Condition(
                            "jsonb_typeof(s.answers -> ?) = 'array' AND jsonb_exists(s.answers -> ?, ?)",
                            List.of(q, q, v.option().id()))
                    : new Condition(
                            "jsonb_typeof(s.answers -> ?) = 'array' AND NOT jsonb_exists(s.answers -> ?, ?)",
                            List.of(q, q, v.option().id()));
        }
        return new Condition("s.answers ->> ? = ?", List.of(v.question().id(), category));
    }
}
