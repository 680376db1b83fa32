package nl.vertelpunt.keyword;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.vertelpunt.dashboard.Suppression;
import nl.vertelpunt.evaluation.EvaluationScope;
import nl.vertelpunt.evaluation.EvaluationScopes;
import nl.vertelpunt.evaluation.stats.Keyness;
import nl.vertelpunt.evaluation.stats.PValueAdjustment;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;

/**
 * The words that set two groups of stories apart (keyness). For every word (a stem with all its forms, {@link
 * DutchWords}) used in at least {@code minStories} stories of the two groups (never fewer than the suppression
 * threshold k), the 2&times;2 table of stories that do and do not use it in each group is tested with the
 * log-likelihood ratio G² ({@link Keyness}); Benjamini–Hochberg runs over all words tested. A word is shown when its
 * q is at most {@code maxQ} and its log ratio at least {@code minLogRatio} from 0, in either direction (a positive log
 * ratio: more common in the focus), ranked by G², as the form most stories of the two groups write it.
 *
 * <p>Which stories: those of the story point that pass the filter, never hidden ones, and not those with a
 * personal-data flag nobody has resolved yet; a story whose flagged span was redacted counts with its redacted text,
 * one whose flag was dismissed as it is. A story that passes both filters counts in the focus only, so the groups never
 * overlap. Groups under k stories are not compared ({@code tooFew}). The counts are suppressed ({@link Suppression});
 * G², p, q and the log ratio are exact.
 *
 * <p>A word counts for a story when the story writes it or when it is a part of a compound the story writes (as the
 * search finds it); words that the two groups write only inside compounds are not tested, so no fragment of a compound
 * is ever shown on its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class KeywordService {

    /** Default and largest number of words in an answer. */
    static final int DEFAULT_LIMIT = 50;

    static final int MAX_LIMIT = 500;

    /** One distinguishing word: the stories of each group that use it (suppressed) and its test. */
    public record Word(
            String word,
            Object focusStories,
            Object referenceStories,
            double g2,
            double p,
            double q,
            double logRatio) {}

    /**
     * The answer: the group sizes (suppressed), the rule a shown word passed, how many words were tested, and the
     * words ranked by G²; {@code tooFew} when a group has fewer stories than the threshold (then no words).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Keywords(
            Object focusSize,
            Object referenceSize,
            int threshold,
            int minStories,
            double maxQ,
            double minLogRatio,
            int tested,
            boolean tooFew,
            List<Word> words) {}

    private final AgroalDataSource dataSource;
    private final StoryPointService storyPoints;
    private final Access access;
    private final EvaluationScopes scopes;
    private final KeywordIndex index;
    private final KeywordConfig config;

    KeywordService(
            AgroalDataSource dataSource,
            StoryPointService storyPoints,
            Access access,
            EvaluationScopes scopes,
            KeywordIndex index,
            KeywordConfig config) {
        this.dataSource = dataSource;
        this.storyPoints = storyPoints;
        this.access = access;
        this.scopes = scopes;
        this.index = index;
        this.config = config;
    }

    /** The words that set the focus apart from the reference (analysts and facilitators of the story point). */
    public Keywords keywords(String slug, KeywordRequest request) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return keywords(scopes.storyPoint(point), request);
    }

    Keywords keywords(EvaluationScope scope, KeywordRequest request) {
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with focus and reference is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        KeywordRequest.Reference reference =
                request.reference() == null ? KeywordRequest.Reference.REST : request.reference();
        if (request.focus() == null) {
            errors.add(new FieldError("focus", "is required: a filter for the stories to look at"));
        } else {
            errors.addAll(scope.check(request.focus(), "focus."));
        }
        if (!reference.rest()) {
            errors.addAll(scope.check(reference.filter(), "reference."));
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StoryFilter focus = request.focus();
        StoryFilter referenceFilter =
                reference.rest() ? StoryFilter.all().withIncomplete(focus.includeIncomplete()) : reference.filter();
        index.analysePending(scope.storyPointIds());
        Counts counts;
        try (Connection c = dataSource.getConnection()) {
            counts = count(c, scope.condition(focus), scope.condition(referenceFilter));
        } catch (SQLException e) {
            throw new StorageException(e);
        }
        return result(counts, new Suppression(scope.suppression()), limit);
    }

    /** The two groups' sizes and, per stem and per form, the number of stories of each group that use it. */
    record Counts(long focusSize, long referenceSize, KeywordIndex.Vocabulary vocabulary, WordCounts words) {}

    private Counts count(Connection c, StoryFilter.Condition focus, StoryFilter.Condition reference)
            throws SQLException {
        String sql = "SELECT (" + focus.sql() + "), s.keyword_forms::text, "
                + "CASE WHEN s.keyword_forms IS NULL THEN s.title END, "
                + "CASE WHEN s.keyword_forms IS NULL THEN s.text END "
                + "FROM story s WHERE NOT s.flagged AND ((" + focus.sql() + ") OR (" + reference.sql() + "))";
        KeywordIndex.Vocabulary vocabulary = index.vocabulary(c);
        WordCounts words = new WordCounts(vocabulary);
        long focusSize = 0;
        long referenceSize = 0;
        List<int[]> deferred = new ArrayList<>();
        List<Boolean> deferredFocus = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor: rows arrive in batches instead of all at once
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = focus.bind(c, ps, 1);
            next = focus.bind(c, ps, next);
            reference.bind(c, ps, next);
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean inFocus = rs.getBoolean(1);
                    String stored = rs.getString(2);
                    int[] ids = stored != null
                            ? parse(stored)
                            : index.signedIds(c, DutchWords.of(rs.getString(3), rs.getString(4)));
                    if (inFocus) {
                        focusSize++;
                    } else {
                        referenceSize++;
                    }
                    if (!words.add(ids, inFocus)) {
                        deferred.add(ids);
                        deferredFocus.add(inFocus);
                    }
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
        if (!deferred.isEmpty()) {
            // forms stored by another transaction after the vocabulary was read
            vocabulary = index.vocabulary(c);
            words = words.with(vocabulary);
            for (int i = 0; i < deferred.size(); i++) {
                words.add(deferred.get(i), deferredFocus.get(i));
            }
        }
        return new Counts(focusSize, referenceSize, vocabulary, words);
    }

    /** Parses PostgreSQL's text form of an integer array, {@code {1,-2,3}}. */
    static int[] parse(String array) {
        int n = array.length();
        int count = 0;
        for (int i = 1; i < n - 1; i++) {
            if (array.charAt(i) == ',') {
                count++;
            }
        }
        if (n <= 2) {
            return new int[0];
        }
        int[] out = new int[count + 1];
        int k = 0;
        int value = 0;
        boolean negative = false;
        for (int i = 1; i < n; i++) {
            char ch = array.charAt(i);
            if (ch == ',' || ch == '}') {
                out[k++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else if (ch == '-') {
                negative = true;
            } else {
                value = value * 10 + (ch - '0');
            }
        }
        return out;
    }

    private Keywords result(Counts counts, Suppression suppression, int limit) {
        int k = suppression.threshold();
        int minStories = Math.max(config.minStories(), k);
        long nF = counts.focusSize();
        long nR = counts.referenceSize();
        if (nF < k || nR < k) {
            return answer(suppression, nF, nR, minStories, 0, true, List.of());
        }
        WordCounts words = counts.words();
        String[] shown = words.surfaceForms(counts.vocabulary());
        List<Integer> tested = new ArrayList<>();
        for (int t = 0; t < shown.length; t++) {
            if (shown[t] != null && words.focus(t) + words.reference(t) >= minStories) {
                tested.add(t);
            }
        }
        Keyness.Result[] results = new Keyness.Result[tested.size()];
        double[] p = new double[tested.size()];
        for (int i = 0; i < results.length; i++) {
            int t = tested.get(i);
            results[i] = Keyness.of(words.focus(t), nF, words.reference(t), nR);
            p[i] = results[i].p();
        }
        double[] q = PValueAdjustment.benjaminiHochberg(p);
        List<Word> out = new ArrayList<>();
        Integer[] order = new Integer[results.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                Comparator.comparingDouble((Integer i) -> -results[i].g2()).thenComparing(i -> shown[tested.get(i)]));
        for (int i : order) {
            Keyness.Result r = results[i];
            if (q[i] > config.maxQ() || Math.abs(r.logRatio()) < config.minLogRatio()) {
                continue;
            }
            int t = tested.get(i);
            out.add(new Word(
                    shown[t],
                    suppression.count(words.focus(t)),
                    suppression.count(words.reference(t)),
                    r.g2(),
                    r.p(),
                    q[i],
                    r.logRatio()));
            if (out.size() == limit) {
                break;
            }
        }
        return answer(suppression, nF, nR, minStories, tested.size(), false, out);
    }

    private Keywords answer(
            Suppression suppression, long nF, long nR, int minStories, int tested, boolean tooFew, List<Word> words) {
        return new Keywords(
                suppression.count(nF),
                suppression.count(nR),
                suppression.threshold(),
                minStories,
                config.maxQ(),
                config.minLogRatio(),
                tested,
                tooFew,
                words);
    }
}
