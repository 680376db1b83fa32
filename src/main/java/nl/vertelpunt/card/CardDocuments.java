package nl.vertelpunt.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.card.render.PlainWords;
import nl.vertelpunt.evaluation.EvaluationService;
import nl.vertelpunt.evaluation.EvaluationSettings;
import nl.vertelpunt.figure.ContextFigureService;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.Role;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.Tokens;

/**
 * Builds what a card shows from what is stored, without checking who asks: callers check access first
 * (staff by story point, a table by its link). Hidden stories and stories with an open personal-data flag
 * are left off, whatever the card says.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CardDocuments {

    /** A story of a card as stored, with what is needed to decide whether it may be shown. */
    public record CardStoryRow(
            long pk,
            String id,
            String role,
            String text,
            int words,
            boolean complete,
            boolean flagged,
            boolean hidden,
            Integer quoteStart,
            Integer quoteEnd,
            boolean quoteWithdrawn) {

        public boolean showable() {
            return !flagged && !hidden;
        }

        /** The marked quote, or null. */
        public String quote() {
            return quoteStart == null || quoteEnd == null || quoteEnd > text.length()
                    ? null
                    : text.substring(quoteStart, quoteEnd);
        }
    }

    private final EvaluationService evaluations;
    private final StoryPointService storyPoints;
    private final EntityManager em;

    CardDocuments(EvaluationService evaluations, StoryPointService storyPoints, EntityManager em) {
        this.evaluations = evaluations;
        this.storyPoints = storyPoints;
        this.em = em;
    }

    /** The card as it is rendered. */
    public CardDocument document(Card card) {
        StoryPoint point = StoryPoint.findById(card.storyPointId);
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        EvaluationService.RunPattern pattern = evaluations
                .loadPattern(card.runId, card.patternKey)
                .orElseThrow(() -> new IllegalStateException("card " + card.id + " lost its pattern"));
        List<CardDocument.TypicalStory> stories = new ArrayList<>();
        for (CardStoryRow row : stories(card.id)) {
            if (row.showable()) {
                stories.add(new CardDocument.TypicalStory(
                        row.id(),
                        roleLabel(definition, row.role()),
                        Excerpts.of(row.text(), row.quoteStart(), row.quoteEnd()),
                        row.quote()));
            }
        }
        return new CardDocument(
                card.id.toString(),
                card.number,
                card.version,
                definition.title().in("nl"),
                card.title,
                // what a table and a printed card read: without statistics in brackets, as older drafts had them
                PlainWords.withoutStatistics(card.observation),
                List.of(card.interpretationA, card.interpretationB),
                questions(pattern, pattern.scope().definition()),
                pattern.shown(),
                stories,
                new CardDocument.Provenance(
                        card.runId.toString(),
                        pattern.fingerprint(),
                        pattern.softwareVersion(),
                        pattern.evaluatedAt(),
                        pattern.request(),
                        pattern.stories(),
                        allStories(pattern.request()),
                        defaultSettings(pattern.request())),
                figures(card.id),
                trend(card.id));
    }

    /** The trend on a card as it was put there, or null. */
    @SuppressWarnings("unchecked")
    public CardDocument.Trend trend(UUID cardId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT module, scope, focus, rest, request::text, monitor::text, taken_by, taken_at "
                                + "FROM card_trend WHERE card_id = ?1")
                .setParameter(1, cardId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        try {
            return new CardDocument.Trend(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    JSON.readTree((String) r[4]),
                    JSON.readTree((String) r[5]),
                    (String) r[6],
                    Tokens.instant(r[7]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the trend of card " + cardId + " is not JSON", e);
        }
    }

    /** The context figures of a card in their order, as copied onto it. */
    @SuppressWarnings("unchecked")
    public List<CardDocument.Figure> figures(UUID cardId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT figure_id, indicator, region, period, value, unit, source FROM card_figure "
                                + "WHERE card_id = ?1 ORDER BY position")
                .setParameter(1, cardId)
                .getResultList();
        return rows.stream()
                .map(r -> new CardDocument.Figure(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ContextFigureService.value(r[4]),
                        (String) r[5],
                        (String) r[6]))
                .toList();
    }

    /**
     * Whether an evaluation request took every complete story: no filter that narrows them down (an empty list or
     * map, null and false count as none) and no subset comparison.
     */
    static boolean allStories(JsonNode request) {
        if (request == null) {
            return true;
        }
        JsonNode subset = request.path("subset");
        if (!subset.isMissingNode() && !subset.isNull()) {
            return false;
        }
        for (JsonNode value : request.path("filter")) {
            if (!(value.isNull()
                    || value.isContainerNode() && value.isEmpty()
                    || value.isBoolean() && !value.asBoolean())) {
                return false;
            }
        }
        return true;
    }

    /** Whether an evaluation request used the default settings: none given, or each equal to its default. */
    static boolean defaultSettings(JsonNode request) {
        if (request == null) {
            return true;
        }
        JsonNode defaults = DEFAULTS;
        var fields = request.path("settings").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            JsonNode standard = defaults.path(field.getKey());
            if (!value.isNumber()
                    || !standard.isNumber()
                    || value.decimalValue().compareTo(standard.decimalValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode DEFAULTS = new ObjectMapper().valueToTree(EvaluationSettings.DEFAULTS);

    /** The questions of a pattern, in pattern order. */
    static List<CardDocument.QuestionInfo> questions(
            EvaluationService.RunPattern pattern, StoryPointDefinition definition) {
        List<CardDocument.QuestionInfo> out = new ArrayList<>();
        pattern.exact().path("questions").forEach(q -> {
            Variable v = Variable.of(q.asText(), definition);
            boolean slider = v.question() != null && v.question().left() != null;
            String label = v.option() != null ? v.label() + " – " + v.optionLabel() : v.label();
            out.add(new CardDocument.QuestionInfo(
                    v.name(), v.number(), label, slider ? v.left() : null, slider ? v.right() : null));
        });
        return out;
    }

    /** The stories of a card in their order. */
    @SuppressWarnings("unchecked")
    public List<CardStoryRow> stories(UUID cardId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT s.pk, s.id, s.role, s.text, s.word_count, s.complete, s.flagged, s.hidden, "
                                + "cs.quote_start, cs.quote_end, cs.quote_withdrawn FROM card_story cs JOIN story s ON s.pk = cs.story_pk "
                                + "WHERE cs.card_id = ?1 ORDER BY cs.position")
                .setParameter(1, cardId)
                .getResultList();
        return rows.stream().map(CardDocuments::row).toList();
    }

    static CardStoryRow row(Object[] r) {
        return new CardStoryRow(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                ((Number) r[4]).intValue(),
                (Boolean) r[5],
                (Boolean) r[6],
                (Boolean) r[7],
                r[8] == null ? null : ((Number) r[8]).intValue(),
                r[9] == null ? null : ((Number) r[9]).intValue(),
                (Boolean) r[10]);
    }

    /**
     * The role as a card shows it: the role's Dutch short label, or its label without a leading "Ja! Ik ben" (the
     * form asks "Ben jij …?"), e.g. "Ouder of verzorger".
     */
    public static String roleLabel(StoryPointDefinition definition, String roleId) {
        String label = definition.roles().stream()
                .filter(r -> r.id().equals(roleId))
                .map(Role::staffLabel)
                .map(l -> l.in("nl"))
                .findFirst()
                .orElse(roleId);
        String stripped =
                label.replaceFirst("^(?i)(ja[!,.]?\\s*)?(ik ben\\s+)?", "").strip();
        if (stripped.isEmpty()) {
            return label;
        }
        return Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
    }
}
