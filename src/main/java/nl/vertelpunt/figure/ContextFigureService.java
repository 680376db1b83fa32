package nl.vertelpunt.figure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Texts;
import nl.vertelpunt.web.Tokens;

/**
 * Context figures of a story point (cijfers naast de verhalen): named sets of figures from outside sources, uploaded
 * as CSV by analysts ({@link FigureCsv}, all or nothing), read by analysts and facilitators, and copied onto
 * observation cards. Figures are shown as given, with their source; none is computed from stories.
 */
@ApplicationScoped
@Transactional
public class ContextFigureService {

    /** Longest name of a set, in characters. */
    public static final int MAX_SET_NAME = 100;

    /** One figure as the API shows it; {@code value} is the number as a decimal with a point ("12.3"). */
    public record FigureView(
            long id, String indicator, String region, String period, String value, String unit, String source) {}

    /** A named set of figures, as uploaded in one file. */
    public record FigureSetView(
            long id, String name, String uploadedBy, Instant uploadedAt, List<FigureView> figures) {}

    /** The figures of a story point, set by set (by name). */
    public record Figures(String storyPoint, List<FigureSetView> sets) {}

    /** What an upload did: {@code created} when the set is new, otherwise it replaced the set of that name. */
    public record Upload(boolean created, FigureSetView set) {}

    private final StoryPointService storyPoints;
    private final Access access;
    private final EntityManager em;

    ContextFigureService(StoryPointService storyPoints, Access access, EntityManager em) {
        this.storyPoints = storyPoints;
        this.access = access;
        this.em = em;
    }

    /** Every set of the story point with its figures (analysts, facilitators, admins). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Figures list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return new Figures(point.slug, sets(point.id, 0));
    }

    /**
     * Stores the figures of a CSV file as the set {@code name} of the story point, replacing a set of that name
     * (analysts, admins). The whole file is checked first; any problem refuses it with 422 and nothing changes.
     */
    public Upload upload(String slug, String name, InputStream body) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        String setName = setName(name);
        byte[] file;
        try {
            file = body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FigureCsv.Row> rows = FigureCsv.read(file);
        Object[] set = (Object[]) em.createNativeQuery(
                        "INSERT INTO figure_set (story_point_id, name, uploaded_by, uploaded_at) VALUES (?1, ?2, ?3, ?4) "
                                + "ON CONFLICT (story_point_id, name) DO UPDATE SET uploaded_by = excluded.uploaded_by, "
                                + "uploaded_at = excluded.uploaded_at RETURNING id, (xmax = 0)")
                .setParameter(1, point.id)
                .setParameter(2, setName)
                .setParameter(3, access.staff().username())
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .getSingleResult();
        long setId = ((Number) set[0]).longValue();
        boolean created = (Boolean) set[1];
        em.createNativeQuery("DELETE FROM context_figure WHERE set_id = ?1")
                .setParameter(1, setId)
                .executeUpdate();
        em.createNativeQuery(
                        "INSERT INTO context_figure (set_id, position, indicator, region, period, value, unit, source) "
                                + "SELECT ?1, t.n - 1, t.indicator, t.region, t.period, t.value::numeric, t.unit, t.source "
                                + "FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]), "
                                + "CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[])) WITH ORDINALITY "
                                + "AS t (indicator, region, period, value, unit, source, n)")
                .setParameter(1, setId)
                .setParameter(2, column(rows, FigureCsv.Row::indicator))
                .setParameter(3, column(rows, FigureCsv.Row::region))
                .setParameter(4, column(rows, FigureCsv.Row::period))
                .setParameter(5, column(rows, r -> r.value().toPlainString()))
                .setParameter(6, column(rows, FigureCsv.Row::unit))
                .setParameter(7, column(rows, FigureCsv.Row::source))
                .executeUpdate();
        return new Upload(created, sets(point.id, setId).get(0));
    }

    /** Deletes one figure of the story point (analysts, admins); a set left without figures goes too. */
    public void deleteFigure(String slug, long id) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        @SuppressWarnings("unchecked")
        List<Object> sets = em.createNativeQuery("DELETE FROM context_figure f USING figure_set s "
                        + "WHERE f.id = ?1 AND s.id = f.set_id AND s.story_point_id = ?2 RETURNING f.set_id")
                .setParameter(1, id)
                .setParameter(2, point.id)
                .getResultList();
        if (sets.isEmpty()) {
            throw ProblemException.notFound("There is no figure " + id + " at this story point.");
        }
        em.createNativeQuery("DELETE FROM figure_set s WHERE s.id = ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM context_figure f WHERE f.set_id = s.id)")
                .setParameter(1, ((Number) sets.get(0)).longValue())
                .executeUpdate();
    }

    /** Deletes the set {@code name} of the story point with all its figures (analysts, admins). */
    public void deleteSet(String slug, String name) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        String setName = setName(name);
        int deleted = em.createNativeQuery("DELETE FROM figure_set WHERE story_point_id = ?1 AND name = ?2")
                .setParameter(1, point.id)
                .setParameter(2, setName)
                .executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("There is no set of figures '" + setName + "' at this story point.");
        }
    }

    /**
     * The figures with these ids that belong to the story point, by id; others are left out. For cards, which copy
     * them (callers check access to the story point).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<Long, FigureView> find(long storyPointId, Collection<Long> ids) {
        Map<Long, FigureView> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT f.id, f.indicator, f.region, f.period, f.value, f.unit, "
                        + "f.source FROM context_figure f JOIN figure_set s ON s.id = f.set_id "
                        + "WHERE s.story_point_id = ?1 AND f.id = ANY (?2)")
                .setParameter(1, storyPointId)
                .setParameter(2, ids.toArray(new Long[0]))
                .getResultList();
        for (Object[] r : rows) {
            FigureView figure = figure(r);
            out.put(figure.id(), figure);
        }
        return out;
    }

    /** The value of a figure as the API writes it: a plain decimal with a point, as given ("12.30" stays). */
    public static String value(Object number) {
        return ((BigDecimal) number).toPlainString();
    }

    private String setName(String name) {
        if (name == null || Texts.isBlank(name)) {
            throw ProblemException.invalid(
                    "set", "is required: the name of the set of figures, e.g. 'CBS jeugdhulp 2020'");
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_SET_NAME) {
            throw ProblemException.invalid("set", "must be at most " + MAX_SET_NAME + " characters");
        }
        return stripped;
    }

    @SuppressWarnings("unchecked")
    /** The sets of the story point, or only the set {@code only} (0: all). */
    private List<FigureSetView> sets(long storyPointId, long only) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.name, s.uploaded_by, s.uploaded_at, f.id, "
                        + "f.indicator, f.region, f.period, f.value, f.unit, f.source FROM figure_set s "
                        + "JOIN context_figure f ON f.set_id = s.id WHERE s.story_point_id = ?1 "
                        + "AND (?2 = 0 OR s.id = ?2) ORDER BY s.name, s.id, f.position")
                .setParameter(1, storyPointId)
                .setParameter(2, only)
                .getResultList();
        Map<Long, FigureSetView> sets = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            sets.computeIfAbsent(
                            id,
                            k -> new FigureSetView(
                                    id, (String) r[1], (String) r[2], Tokens.instant(r[3]), new ArrayList<>()))
                    .figures()
                    .add(figure(Arrays.copyOfRange(r, 4, 11)));
        }
        return List.copyOf(sets.values());
    }

    private static FigureView figure(Object[] r) {
        return new FigureView(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                value(r[4]),
                (String) r[5],
                (String) r[6]);
    }

    private static String[] column(List<FigureCsv.Row> rows, Function<FigureCsv.Row, String> cell) {
        return rows.stream().map(cell).toArray(String[]::new);
    }
}
