package nl.vertelpunt.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vertelpunt.storypoint.definition.Option;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StonesAxis;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;

/**
 * Turns story rows, as PostgreSQL gives them, into the columns of a {@link Dataset}: slider and choice
 * answers as {@code answers ->> question} gives them ({@code "42"}, {@code "NA"}, an option id, or null),
 * multichoice, triad and stones answers as their JSON text. Each item of a stones question gives two slider variables,
 * {@code question:item:x} and {@code question:item:y} ({@link StonesAxis}); an item the storyteller left off is
 * {@link Dataset#UNANSWERED} on both. A missing answer is {@link Dataset#NOT_ASKED} when the
 * question is not asked to the story's role, {@link Dataset#UNANSWERED} otherwise; {@code "NA"} is
 * {@link Dataset#NOT_APPLICABLE}. No I/O: {@link DatasetLoader} feeds it from the database, tests from a
 * fixture file.
 */
final class DatasetBuilder {

    private final StoryPointDefinition definition;
    private final boolean subset;
    private final List<Question> sliders = new ArrayList<>();
    private final List<Question> choices = new ArrayList<>();
    private final List<Question> multis = new ArrayList<>();
    private final List<Question> triads = new ArrayList<>();
    private final List<Question> stones = new ArrayList<>();
    /** The axes of the stones questions, in order: per question, per item, x then y. */
    private final List<StonesAxis> axes = new ArrayList<>();

    private final List<Question> columns = new ArrayList<>();
    private final Map<String, Byte> roleCodes;
    private final List<Map<String, Byte>> choiceCodes;
    /** For a module-wide scope: the questions each story point asks (by slug); null for one story point. */
    private final Map<String, Set<String>> askedBySlug;
    /** The column of {@link EvaluationScope#STORY_POINT} in a module-wide scope, or -1. */
    private final int storyPointColumn;

    private final MessageDigest digest = sha256();
    private int capacity;
    private byte[] role;
    private byte[][] sliderValues;
    private byte[][] choiceValues;
    private byte[][] multiValues;
    private byte[][][] triadValues;
    private byte[][] axisValues;
    private boolean[] inBase;
    private boolean[] inSubset;
    private boolean[] inComparison;
    private int rows;
    private int baseRows;

    /**
     * @param subset   whether the rows carry subset and comparison flags
     * @param expected the number of rows to expect (the columns grow when more come)
     */
    DatasetBuilder(StoryPointDefinition definition, boolean subset, int expected) {
        this(definition, subset, expected, null);
    }

    /**
     * @param askedBySlug for a module-wide scope, the question ids each story point asks, by slug: a missing answer to
     *                    a question its story point does not ask is {@link Dataset#NOT_ASKED}; null for one story point
     */
    DatasetBuilder(
            StoryPointDefinition definition, boolean subset, int expected, Map<String, Set<String>> askedBySlug) {
        this.definition = definition;
        this.askedBySlug = askedBySlug;
        this.subset = subset;
        for (Question q : definition.questions()) {
            switch (q.type()) {
                case SLIDER -> sliders.add(q);
                case CHOICE -> choices.add(q);
                case MULTICHOICE -> multis.add(q);
                case TRIAD -> triads.add(q);
                case STONES -> {
                    stones.add(q);
                    axes.addAll(StonesAxis.of(q));
                }
                case TEXT -> {
                    // free texts are not analysed
                }
            }
        }
        columns.addAll(sliders);
        columns.addAll(choices);
        columns.addAll(multis);
        columns.addAll(triads);
        columns.addAll(stones);
        int at = -1;
        for (int i = 0; askedBySlug != null && i < columns.size(); i++) {
            if (columns.get(i).id().equals(EvaluationScope.STORY_POINT)) {
                at = i;
            }
        }
        storyPointColumn = at;
        roleCodes = codes(definition.roles().stream().map(Role::id).toList());
        choiceCodes = choices.stream()
                .map(q -> codes(q.options().stream().map(Option::id).toList()))
                .toList();
        capacity = Math.max(16, expected);
        role = new byte[capacity];
        sliderValues = new byte[sliders.size()][capacity];
        choiceValues = new byte[choices.size()][capacity];
        multiValues = new byte[multis.stream().mapToInt(q -> q.options().size()).sum()][capacity];
        triadValues = new byte[triads.size()][3][capacity];
        axisValues = new byte[axes.size()][capacity];
        inBase = new boolean[capacity];
        inSubset = subset ? new boolean[capacity] : null;
        inComparison = subset ? new boolean[capacity] : null;
    }

    /** The answer columns {@link #add} expects, in order: sliders, choices, multichoice, triads, stones. */
    List<Question> columns() {
        return columns;
    }

    /** How many rows were added. */
    int size() {
        return rows;
    }

    /**
     * Adds one story.
     *
     * @param answers      the answer to each of {@link #columns()}, null where there is none
     * @param base         whether the story is in the evaluated set
     * @param inSubset     whether it is in the subset of a subset comparison (ignored without one)
     * @param inComparison whether it is in the set the subset is compared with: the {@code against} set, or
     *                     the evaluated set (ignored without a subset comparison)
     */
    void add(
            String id,
            String roleId,
            String channel,
            String[] answers,
            boolean base,
            boolean inSubset,
            boolean inComparison) {
        if (rows == capacity) {
            grow();
        }
        int row = rows;
        Set<String> asked = storyPointColumn < 0 ? null : askedBySlug.get(answers[storyPointColumn]);
        role[row] = roleCodes.getOrDefault(roleId, Dataset.UNANSWERED);
        inBase[row] = base;
        if (subset) {
            this.inSubset[row] = inSubset;
            this.inComparison[row] = inComparison;
        }
        if (base) {
            baseRows++;
            update(id);
            update(roleId);
            update(channel);
        }
        int col = 0;
        for (int i = 0; i < sliders.size(); i++, col++) {
            String v = answers[col];
            if (base) {
                update(v);
            }
            sliderValues[i][row] = v == null
                    ? missing(sliders.get(i), roleId, asked)
                    : v.equals("NA") ? Dataset.NOT_APPLICABLE : (byte) Integer.parseInt(v);
        }
        for (int i = 0; i < choices.size(); i++, col++) {
            String v = answers[col];
            if (base) {
                update(v);
            }
            choiceValues[i][row] = v == null
                    ? missing(choices.get(i), roleId, asked)
                    : choiceCodes.get(i).getOrDefault(v, Dataset.UNANSWERED);
        }
        int variable = 0;
        for (Question q : multis) {
            String v = answers[col++];
            if (base) {
                update(v);
            }
            List<Option> options = q.options();
            if (v == null) {
                byte m = missing(q, roleId, asked);
                for (int o = 0; o < options.size(); o++) {
                    multiValues[variable + o][row] = m;
                }
            } else {
                for (int o = 0; o < options.size(); o++) {
                    multiValues[variable + o][row] =
                            (byte) (v.contains('"' + options.get(o).id() + '"') ? 1 : 0);
                }
            }
            variable += options.size();
        }
        for (int t = 0; t < triads.size(); t++, col++) {
            String v = answers[col];
            if (base) {
                update(v);
            }
            readTriad(v, v == null ? missing(triads.get(t), roleId, asked) : 0, triadValues[t], row);
        }
        int axis = 0;
        for (Question q : stones) {
            String v = answers[col++];
            if (base) {
                update(v);
            }
            int count = 2 * q.items().size();
            readStones(v, q, v == null ? missing(q, roleId, asked) : Dataset.UNANSWERED, axis, row);
            axis += count;
        }
        rows++;
    }

    Dataset build() {
        List<Dataset.SliderVariable> sliderVars = new ArrayList<>();
        for (int i = 0; i < sliders.size(); i++) {
            sliderVars.add(new Dataset.SliderVariable(
                    sliders.get(i).id(), sliders.get(i), Arrays.copyOf(sliderValues[i], rows)));
        }
        for (int a = 0; a < axes.size(); a++) {
            sliderVars.add(new Dataset.SliderVariable(
                    axes.get(a).variable(), axes.get(a).asSlider(), Arrays.copyOf(axisValues[a], rows)));
        }
        List<Role> roles = definition.roles();
        List<Dataset.CategoricalVariable> categories = new ArrayList<>();
        categories.add(new Dataset.CategoricalVariable(
                "role",
                "role",
                null,
                roles.stream().map(Role::id).toList(),
                roles.stream().map(r -> r.label().in("nl")).toList(),
                Arrays.copyOf(role, rows)));
        for (int i = 0; i < choices.size(); i++) {
            Question q = choices.get(i);
            categories.add(new Dataset.CategoricalVariable(
                    q.id(),
                    q.id(),
                    q,
                    q.options().stream().map(Option::id).toList(),
                    q.options().stream().map(o -> o.label().in("nl")).toList(),
                    Arrays.copyOf(choiceValues[i], rows)));
        }
        int variable = 0;
        for (Question q : multis) {
            for (Option o : q.options()) {
                categories.add(new Dataset.CategoricalVariable(
                        q.id() + ":" + o.id(),
                        q.id(),
                        q,
                        List.of("no", "yes"),
                        List.of(
                                "niet gekozen: " + o.label().in("nl"),
                                "gekozen: " + o.label().in("nl")),
                        Arrays.copyOf(multiValues[variable++], rows)));
            }
        }
        List<Dataset.TriadVariable> triadVars = new ArrayList<>();
        for (int t = 0; t < triads.size(); t++) {
            triadVars.add(new Dataset.TriadVariable(
                    triads.get(t).id(),
                    triads.get(t),
                    Arrays.copyOf(triadValues[t][0], rows),
                    Arrays.copyOf(triadValues[t][1], rows),
                    Arrays.copyOf(triadValues[t][2], rows)));
        }
        return new Dataset(
                rows,
                sliderVars,
                categories,
                triadVars,
                Arrays.copyOf(inBase, rows),
                subset ? Arrays.copyOf(inSubset, rows) : null,
                subset ? Arrays.copyOf(inComparison, rows) : null,
                baseRows,
                HexFormat.of().formatHex(digest.digest()));
    }

    private void grow() {
        capacity = capacity * 2;
        role = Arrays.copyOf(role, capacity);
        sliderValues = grow(sliderValues, capacity);
        choiceValues = grow(choiceValues, capacity);
        multiValues = grow(multiValues, capacity);
        for (int t = 0; t < triadValues.length; t++) {
            triadValues[t] = grow(triadValues[t], capacity);
        }
        axisValues = grow(axisValues, capacity);
        inBase = Arrays.copyOf(inBase, capacity);
        if (subset) {
            inSubset = Arrays.copyOf(inSubset, capacity);
            inComparison = Arrays.copyOf(inComparison, capacity);
        }
    }

    /** A missing answer: not asked to the story's role (or at the story's story point, {@code asked}), or unanswered. */
    private static byte missing(Question q, String role, Set<String> asked) {
        return q.isAskedTo(role) && (asked == null || asked.contains(q.id())) ? Dataset.UNANSWERED : Dataset.NOT_ASKED;
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

    /**
     * A stones answer as PostgreSQL writes jsonb ({@code {"a": [20, 85], "b": "NA"}}) into the axis columns from
     * {@code first}: x and y of each item placed, {@link Dataset#NOT_APPLICABLE} for an item marked so, {@code
     * missing} for the items left off (and for all when there is no answer). Item ids hold no quotes, so a quote
     * always starts a key or the text "NA".
     */
    private void readStones(String v, Question q, byte missing, int first, int row) {
        int count = 2 * q.items().size();
        for (int a = 0; a < count; a++) {
            axisValues[first + a][row] = missing;
        }
        if (v == null) {
            return;
        }
        int i = 0;
        int n = v.length();
        while (true) {
            int open = v.indexOf('"', i);
            if (open < 0) {
                return;
            }
            int close = v.indexOf('"', open + 1);
            int item = itemIndex(q, v, open + 1, close);
            i = close + 1;
            while (i < n && (v.charAt(i) == ':' || v.charAt(i) == ' ')) {
                i++;
            }
            if (i < n && v.charAt(i) == '"') {
                if (item >= 0) {
                    axisValues[first + 2 * item][row] = Dataset.NOT_APPLICABLE;
                    axisValues[first + 2 * item + 1][row] = Dataset.NOT_APPLICABLE;
                }
                i = v.indexOf('"', i + 1) + 1;
            } else {
                int part = 0;
                int value = 0;
                boolean inNumber = false;
                for (; i < n && part < 2; i++) {
                    char ch = v.charAt(i);
                    if (ch >= '0' && ch <= '9') {
                        value = value * 10 + (ch - '0');
                        inNumber = true;
                    } else if (inNumber) {
                        if (item >= 0) {
                            axisValues[first + 2 * item + part][row] = (byte) value;
                        }
                        part++;
                        value = 0;
                        inNumber = false;
                    }
                }
            }
        }
    }

    /** The index of the item whose id is {@code v[from, to)}, or -1. */
    private static int itemIndex(Question q, String v, int from, int to) {
        List<Option> items = q.items();
        for (int k = 0; k < items.size(); k++) {
            String id = items.get(k).id();
            if (id.length() == to - from && v.startsWith(id, from)) {
                return k;
            }
        }
        return -1;
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

    private void update(String value) {
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
}
