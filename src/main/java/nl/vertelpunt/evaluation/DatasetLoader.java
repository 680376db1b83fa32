package nl.vertelpunt.evaluation;

import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Reads the stories of an evaluation from PostgreSQL in one streaming pass into a {@link Dataset}.
 * PostgreSQL extracts each answer from the JSON, so only the values cross the connection; the rows come
 * in id order, so that the fingerprint does not depend on how they were stored.
 */
final class DatasetLoader {

    private static final int FETCH = 10_000;

    private DatasetLoader() {
    }

    /** The number of stories the request will hold (for progress). */
    static int count(Connection c, long storyPointId, StoryPointDefinition definition, EvaluationRequest request) throws SQLException {
        Where where = Where.of(storyPointId, definition, request);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story s WHERE " + where.sql())) {
            where.bind(c, ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Loads the dataset. {@code progress} hears the share of expected rows read so far.
     *
     * @param expected the number of rows {@link #count} gave, to size the columns
     */
    static Dataset load(Connection c, long storyPointId, StoryPointDefinition definition, EvaluationRequest request,
                        int expected, DoubleConsumer progress) throws SQLException {
        Where where = Where.of(storyPointId, definition, request);
        List<Question> sliders = new ArrayList<>();
        List<Question> choices = new ArrayList<>();
        List<Question> multis = new ArrayList<>();
        List<Question> triads = new ArrayList<>();
        for (Question q : definition.questions()) {
            switch (q.type()) {
                case SLIDER -> sliders.add(q);
                case CHOICE -> choices.add(q);
                case MULTICHOICE -> multis.add(q);
                case TRIAD -> triads.add(q);
                case TEXT -> {
                    // free texts are not analysed
                }
            }
        }
        StringBuilder select = new StringBuilder("SELECT s.id, s.role, s.channel");
        List<Question> columns = new ArrayList<>();
        for (List<Question> group : List.of(sliders, choices, multis, triads)) {
            for (Question q : group) {
                select.append(q.type().id().equals("slider") || q.type().id().equals("choice")
                        ? ", s.answers ->> ?" : ", (s.answers -> ?)::text");
                columns.add(q);
            }
        }
        boolean subset = request.subset() != null;
        for (StoryFilter.Condition flag : where.flags()) {
            select.append(", ").append(flag.sql());
        }
        select.append(" FROM story s WHERE ").append(where.sql()).append(" ORDER BY s.id");

        int capacity = Math.max(16, expected);
        List<Role> roles = definition.roles();
        Map<String, Byte> roleCodes = codes(roles.stream().map(Role::id).toList());
        byte[] role = new byte[capacity];
        byte[][] sliderValues = new byte[sliders.size()][capacity];
        byte[][] choiceValues = new byte[choices.size()][capacity];
        List<Map<String, Byte>> choiceCodes = choices.stream().map(q -> codes(q.options().stream().map(Option::id).toList())).toList();
        int multiVariables = multis.stream().mapToInt(q -> q.options().size()).sum();
        byte[][] multiValues = new byte[multiVariables][capacity];
        byte[][][] triadValues = new byte[triads.size()][3][capacity];
        boolean[] inBase = new boolean[capacity];
        boolean[] inSubset = subset ? new boolean[capacity] : null;
        boolean[] inAgainst = subset ? new boolean[capacity] : null;
        MessageDigest digest = sha256();
        int rows = 0;
        int baseRows = 0;

        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setFetchSize(FETCH);
            int next = 1;
            for (Question q : columns) {
                ps.setString(next++, q.id());
            }
            next = where.bindSelect(c, ps, next);
            where.bind(c, ps, next);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows == capacity) {
                        capacity = capacity * 2;
                        role = Arrays.copyOf(role, capacity);
                        sliderValues = grow(sliderValues, capacity);
                        choiceValues = grow(choiceValues, capacity);
                        multiValues = grow(multiValues, capacity);
                        for (int t = 0; t < triadValues.length; t++) {
                            triadValues[t] = grow(triadValues[t], capacity);
                        }
                        inBase = Arrays.copyOf(inBase, capacity);
                        if (subset) {
                            inSubset = Arrays.copyOf(inSubset, capacity);
                            inAgainst = Arrays.copyOf(inAgainst, capacity);
                        }
                    }
                    int col = 4;
                    String roleId = rs.getString(2);
                    role[rows] = roleCodes.getOrDefault(roleId, Dataset.UNANSWERED);
                    boolean base = rs.getBoolean(4 + columns.size());
                    inBase[rows] = base;
                    if (subset) {
                        inSubset[rows] = rs.getBoolean(5 + columns.size());
                        inAgainst[rows] = rs.getBoolean(6 + columns.size());
                    }
                    if (base) {
                        baseRows++;
                        update(digest, rs.getString(1));
                        update(digest, roleId);
                        update(digest, rs.getString(3));
                    }
                    for (int i = 0; i < sliders.size(); i++, col++) {
                        String v = rs.getString(col);
                        if (base) {
                            update(digest, v);
                        }
                        sliderValues[i][rows] = v == null ? missing(sliders.get(i), roleId)
                                : v.equals("NA") ? Dataset.NOT_APPLICABLE : (byte) Integer.parseInt(v);
                    }
                    for (int i = 0; i < choices.size(); i++, col++) {
                        String v = rs.getString(col);
                        if (base) {
                            update(digest, v);
                        }
                        choiceValues[i][rows] = v == null ? missing(choices.get(i), roleId)
                                : choiceCodes.get(i).getOrDefault(v, Dataset.UNANSWERED);
                    }
                    int variable = 0;
                    for (Question q : multis) {
                        String v = rs.getString(col++);
                        if (base) {
                            update(digest, v);
                        }
                        List<Option> options = q.options();
                        if (v == null) {
                            byte m = missing(q, roleId);
                            for (int o = 0; o < options.size(); o++) {
                                multiValues[variable + o][rows] = m;
                            }
                        } else {
                            for (int o = 0; o < options.size(); o++) {
                                multiValues[variable + o][rows] = (byte) (v.contains('"' + options.get(o).id() + '"') ? 1 : 0);
                            }
                        }
                        variable += options.size();
                    }
                    for (int t = 0; t < triads.size(); t++, col++) {
                        String v = rs.getString(col);
                        if (base) {
                            update(digest, v);
                        }
                        readTriad(v, v == null ? missing(triads.get(t), roleId) : 0, triadValues[t], rows);
                    }
                    rows++;
                    if ((rows & 0x3FFF) == 0) {
                        progress.accept(Math.min(1.0, rows / (double) Math.max(1, expected)));
                    }
                }
            }
        }

        List<Dataset.SliderVariable> sliderVars = new ArrayList<>();
        for (int i = 0; i < sliders.size(); i++) {
            sliderVars.add(new Dataset.SliderVariable(sliders.get(i).id(), sliders.get(i), Arrays.copyOf(sliderValues[i], rows)));
        }
        List<Dataset.CategoricalVariable> categories = new ArrayList<>();
        categories.add(new Dataset.CategoricalVariable("role", "role", null, roles.stream().map(Role::id).toList(),
                roles.stream().map(r -> r.label().in("nl")).toList(), Arrays.copyOf(role, rows)));
        for (int i = 0; i < choices.size(); i++) {
            Question q = choices.get(i);
            categories.add(new Dataset.CategoricalVariable(q.id(), q.id(), q, q.options().stream().map(Option::id).toList(),
                    q.options().stream().map(o -> o.label().in("nl")).toList(), Arrays.copyOf(choiceValues[i], rows)));
        }
        int variable = 0;
        for (Question q : multis) {
            for (Option o : q.options()) {
                categories.add(new Dataset.CategoricalVariable(q.id() + ":" + o.id(), q.id(), q, List.of("no", "yes"),
                        List.of("niet gekozen: " + o.label().in("nl"), "gekozen: " + o.label().in("nl")),
                        Arrays.copyOf(multiValues[variable++], rows)));
            }
        }
        List<Dataset.TriadVariable> triadVars = new ArrayList<>();
        for (int t = 0; t < triads.size(); t++) {
            triadVars.add(new Dataset.TriadVariable(triads.get(t).id(), triads.get(t), Arrays.copyOf(triadValues[t][0], rows),
                    Arrays.copyOf(triadValues[t][1], rows), Arrays.copyOf(triadValues[t][2], rows)));
        }
        progress.accept(1.0);
        return new Dataset(rows, sliderVars, categories, triadVars, Arrays.copyOf(inBase, rows),
                subset ? Arrays.copyOf(inSubset, rows) : null, subset ? Arrays.copyOf(inAgainst, rows) : null,
                baseRows, HexFormat.of().formatHex(digest.digest()));
    }

    private static byte missing(Question q, String role) {
        return q.isAskedTo(role) ? Dataset.UNANSWERED : Dataset.NOT_ASKED;
    }

    /** "[20, 30, 50]" into three share columns. */
    private static void readTriad(String v, byte missing, byte[][] target, int row) {
        if (v == null) {
            target[0][row] = missing;
            target[1][row] = missing;
            target[2][row] = missing;
            return;
        }
        int part = 0;
        int value = 0;
        boolean inNumber = false;
        for (int i = 0; i < v.length() && part < 3; i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                value = value * 10 + (ch - '0');
                inNumber = true;
            } else if (inNumber) {
                target[part++][row] = (byte) value;
                value = 0;
                inNumber = false;
            }
        }
    }

    private static Map<String, Byte> codes(List<String> ids) {
        Map<String, Byte> codes = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            codes.put(ids.get(i), (byte) i);
        }
        return codes;
    }

    private static byte[][] grow(byte[][] columns, int capacity) {
        byte[][] grown = new byte[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            grown[i] = Arrays.copyOf(columns[i], capacity);
        }
        return grown;
    }

    private static void update(MessageDigest digest, String value) {
        if (value != null) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 0x1F);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The conditions of a request: which rows to read ({@code where}), and the flags in the select list:
     * in the evaluated set, and for a subset comparison in the subset and in the set it is compared with.
     */
    private record Where(StoryFilter.Condition where, List<StoryFilter.Condition> flags) {

        static Where of(long storyPointId, StoryPointDefinition definition, EvaluationRequest request) {
            StoryFilter.Condition base = wrap(request.filter().condition(storyPointId, definition));
            if (request.subset() == null) {
                return new Where(base, List.of(base));
            }
            StoryFilter.Condition subset = wrap(request.subset().filter().condition(storyPointId, definition));
            StoryFilter.Condition inSubset = join(base, " AND ", subset);
            if (request.subset().against() == null) {
                return new Where(base, List.of(base, inSubset, join(base, " AND NOT ", subset)));
            }
            StoryFilter.Condition against = wrap(request.subset().against().condition(storyPointId, definition));
            return new Where(join(base, " OR ", against), List.of(base, inSubset, against));
        }

        private static StoryFilter.Condition wrap(StoryFilter.Condition c) {
            return new StoryFilter.Condition("(" + c.sql() + ")", c.params());
        }

        private static StoryFilter.Condition join(StoryFilter.Condition a, String operator, StoryFilter.Condition b) {
            List<Object> params = new ArrayList<>(a.params());
            params.addAll(b.params());
            return new StoryFilter.Condition("(" + a.sql() + operator + b.sql() + ")", params);
        }

        String sql() {
            return where.sql();
        }

        /** Binds the parameters of the select list's flags. */
        int bindSelect(Connection c, PreparedStatement ps, int first) throws SQLException {
            int next = first;
            for (StoryFilter.Condition flag : flags) {
                next = flag.bind(c, ps, next);
            }
            return next;
        }

        /** Binds the parameters of the WHERE clause. */
        int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
            return where.bind(c, ps, first);
        }
    }
}
