package nl.vertelpunt.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.Question;
import nl.vertelpunt.storypoint.definition.QuestionType;

/**
 * Reads the stories of an evaluation from PostgreSQL in one streaming pass into a {@link Dataset} (through a
 * {@link DatasetBuilder}). PostgreSQL extracts each answer from the JSON, so only the values cross the
 * connection; the rows come in id order (then by story point, as two story points may use the same id), so that the
 * fingerprint does not depend on how they were stored. The {@link EvaluationScope} says which stories: those of one
 * story point, or of a question module across story points, where the story point of each story is the choice
 * variable {@value EvaluationScope#STORY_POINT} (and so part of the fingerprint).
 */
public final class DatasetLoader {

    private static final int FETCH = 10_000;

    private DatasetLoader() {}

    /** The number of stories the request will hold (for progress). */
    public static int count(Connection c, EvaluationScope scope, EvaluationRequest request) throws SQLException {
        Where where = Where.of(scope, request);
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
    public static Dataset load(
            Connection c, EvaluationScope scope, EvaluationRequest request, int expected, DoubleConsumer progress)
            throws SQLException {
        Where where = Where.of(scope, request);
        boolean subset = request.subset() != null;
        boolean against = subset && request.subset().against() != null;
        DatasetBuilder builder = new DatasetBuilder(scope.definition(), subset, expected, scope.askedBySlug());
        List<Question> columns = builder.columns();
        StringBuilder select = new StringBuilder("SELECT s.id, s.role, s.channel");
        List<Object> columnParams = new ArrayList<>();
        for (Question q : columns) {
            if (scope.moduleWide() && q.id().equals(EvaluationScope.STORY_POINT)) {
                // the story point of the story, as its slug
                select.append(", CASE s.story_point_id");
                for (EvaluationScope.Member m : scope.members()) {
                    select.append(" WHEN ? THEN ?");
                    columnParams.add(m.id());
                    columnParams.add(m.slug());
                }
                select.append(" END");
            } else {
                select.append(
                        q.type() == QuestionType.SLIDER || q.type() == QuestionType.CHOICE
                                ? ", s.answers ->> ?"
                                : ", (s.answers -> ?)::text");
                columnParams.add(q.id());
            }
        }
        for (StoryFilter.Condition flag : where.flags()) {
            select.append(", ").append(flag.sql());
        }
        select.append(" FROM story s WHERE ").append(where.sql()).append(" ORDER BY s.id");
        if (scope.moduleWide()) {
            select.append(", s.story_point_id");
        }

        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setFetchSize(FETCH);
            int next = 1;
            for (Object p : columnParams) {
                ps.setObject(next++, p);
            }
            next = where.bindSelect(c, ps, next);
            where.bind(c, ps, next);
            String[] answers = new String[columns.size()];
            int flags = 4 + columns.size();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < answers.length; i++) {
                        answers[i] = rs.getString(4 + i);
                    }
                    // a flag is SQL NULL when a condition meets a missing answer: getBoolean reads it as false
                    boolean base = rs.getBoolean(flags);
                    boolean inSubset = subset && rs.getBoolean(flags + 1);
                    boolean inComparison = against ? rs.getBoolean(flags + 2) : base;
                    builder.add(
                            rs.getString(1), rs.getString(2), rs.getString(3), answers, base, inSubset, inComparison);
                    if ((builder.size() & 0x3FFF) == 0) {
                        progress.accept(Math.min(1.0, builder.size() / (double) Math.max(1, expected)));
                    }
                }
            }
        }
        progress.accept(1.0);
        return builder.build();
    }

    /**
     * The conditions of a request: which rows to read ({@code where}), and the flags in the select list:
     * in the evaluated set, and for a subset comparison in the subset and (with {@code against}) in the set
     * it is compared with.
     */
    private record Where(StoryFilter.Condition where, List<StoryFilter.Condition> flags) {

        static Where of(EvaluationScope scope, EvaluationRequest request) {
            StoryFilter.Condition base = wrap(scope.condition(request.filter()));
            if (request.subset() == null) {
                return new Where(base, List.of(base));
            }
            StoryFilter.Condition subset = wrap(scope.condition(request.subset().filter()));
            StoryFilter.Condition inSubset = join(base, " AND ", subset);
            if (request.subset().against() == null) {
                // the rest is every story of the evaluated set that is not in the subset (DatasetBuilder's
                // comparison flag), also those that did not answer a question the subset is defined by
                return new Where(base, List.of(base, inSubset));
            }
            StoryFilter.Condition against =
                    wrap(scope.condition(request.subset().against()));
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
