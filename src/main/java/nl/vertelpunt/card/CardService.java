package nl.vertelpunt.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.evaluation.EvaluationService;
import nl.vertelpunt.figure.ContextFigureService;
import nl.vertelpunt.monitor.MonitorRequest;
import nl.vertelpunt.story.ShareableStories;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.StorageException;
import nl.vertelpunt.web.Texts;
import nl.vertelpunt.web.Tokens;

/**
 * Observation cards for facilitators and analysts: a card is drafted from a pattern of a finished
 * evaluation (title, observation, typical stories), then edited; every save makes a new version and keeps
 * the old one. Stories on a card must be visible and free of open personal-data flags.
 */
@ApplicationScoped
@Transactional
public class CardService {

    /** Typical stories suggested for a new card. */
    static final int SUGGESTED = 4;
    // A card is one sheet of A4: with every text at these limits and a chart of about 100 mm with its tables, a card
    // still fits on one page at its densest print setting (texts at 7 pt), so no text is cut or moved to a second
    // page (CardDeckTest prints such a card).
    /** Most stories on one card. */
    public static final int MAX_STORIES = 8;
    /** Longest quote, in characters: a sentence or two. */
    public static final int MAX_QUOTE = 200;
    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest observation, in characters. */
    public static final int MAX_OBSERVATION = 1200;
    /** Longest interpretation, in characters. */
    public static final int MAX_INTERPRETATION = 600;
    /** Most context figures on one card. */
    public static final int MAX_FIGURES = 3;

    /**
     * A new card: which pattern of which evaluation; for a module-wide evaluation optionally the story point (slug) the
     * card belongs to (one it covers that the caller works on; by default the first of those).
     */
    public record NewCard(UUID runId, String pattern, String storyPoint) {}

    /** A story on a card, with an optional quote [quoteStart, quoteEnd) in UTF-16 code units of its text. */
    public record StoryRef(String id, Integer quoteStart, Integer quoteEnd) {}

    /**
     * An edit of a card. {@code version} is the version it was based on (a newer one gives 409); fields
     * left out keep their value. {@code figures} are the ids of the context figures the card shows, in order: a figure
     * already on the card keeps the copy it has, another is copied from the story point's figures now.
     */
    public record CardEdit(
            Integer version,
            String title,
            String observation,
            List<String> interpretations,
            List<StoryRef> stories,
            Boolean published,
            List<Long> figures) {}

    /**
     * A trend to put on a card: the monitoring {@code request} (at most {@link CardTrends#MAX_INDICATORS} indicators),
     * across {@code module} when given (one the card's story point includes), else of the card's story point; {@code
     * version}, when given, the version it was based on (a newer one gives 409).
     */
    public record TrendRequest(Integer version, String module, MonitorRequest request) {}

    /**
     * A story on a card as staff see it; {@code problem} says why it is left off the printed card, and
     * {@code quoteWithdrawn} that its quote was taken off because a redaction cut into it (until the card is saved).
     */
    public record CardStoryView(
            String id,
            String role,
            int words,
            boolean complete,
            String text,
            String excerpt,
            Integer quoteStart,
            Integer quoteEnd,
            String quote,
            String problem,
            boolean quoteWithdrawn) {}

    /** A card with everything the editor needs. */
    public record CardView(
            UUID id,
            int number,
            String storyPoint,
            UUID runId,
            String pattern,
            int version,
            String title,
            String observation,
            List<String> interpretations,
            boolean published,
            List<CardStoryView> stories,
            List<CardDocument.Figure> figures,
            CardDocument.Trend trend,
            List<CardDocument.QuestionInfo> questions,
            JsonNode data,
            CardDocument.Provenance provenance,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt) {}

    /** A card in a list. */
    public record CardSummary(
            UUID id,
            int number,
            String storyPoint,
            UUID runId,
            String pattern,
            int version,
            String title,
            boolean published,
            int stories,
            int quotesWithdrawn,
            boolean hasTrend,
            String updatedBy,
            Instant updatedAt) {}

    /** Another story that would fit the card. */
    public record Suggestion(String id, String role, int words, String group, String excerpt) {}

    /** An earlier version of a card. */
    public record Revision(int version, String savedBy, Instant savedAt, JsonNode content) {}

    private final EvaluationService evaluations;
    private final StoryPointService storyPoints;
    private final ContextFigureService contextFigures;
    private final CardDocuments documents;
    private final CardTrends trends;
    private final Access access;
    private final ObjectMapper mapper;
    private final AgroalDataSource dataSource;
    private final EntityManager em;

    CardService(
            EvaluationService evaluations,
            StoryPointService storyPoints,
            ContextFigureService contextFigures,
            CardDocuments documents,
            CardTrends trends,
            Access access,
            ObjectMapper mapper,
            AgroalDataSource dataSource,
            EntityManager em) {
        this.evaluations = evaluations;
        this.storyPoints = storyPoints;
        this.contextFigures = contextFigures;
        this.documents = documents;
        this.trends = trends;
        this.access = access;
        this.mapper = mapper;
        this.dataSource = dataSource;
        this.em = em;
    }

    /** Drafts a card from a pattern: title, observation and suggested typical stories. */
    public CardView create(NewCard request) {
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with runId and pattern is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.runId() == null) {
            errors.add(new FieldError("runId", "is required: the evaluation the pattern comes from"));
        }
        if (request.pattern() == null || request.pattern().isBlank()) {
            errors.add(new FieldError("pattern", "is required: the pattern's key, kind|first|second"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        EvaluationService.RunPattern pattern =
                evaluations.pattern(request.runId(), request.pattern(), "runId", request.storyPoint());
        if (Card.existsFor(request.runId(), request.pattern(), pattern.point().id)) {
            throw ProblemException.conflict(
                    "pattern", "this pattern of this evaluation already has a card at this story point");
        }
        // the definition the run analysed: the story point's, or a module-wide one with the variable storyPoint
        StoryPointDefinition definition = pattern.scope().definition();
        ObservationDrafter.Draft draft;
        List<StoryCandidates.Group> groups;
        try {
            draft = ObservationDrafter.draft(pattern.shown(), definition);
            groups = StoryCandidates.groups(pattern.exact(), definition);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("pattern", e.getMessage());
        }
        List<TypicalStories.Candidate> chosen = TypicalStories.choose(
                candidates(pattern, pattern.point().id, groups, Set.of()),
                groups.stream().map(StoryCandidates.Group::name).toList(),
                Math.max(1, SUGGESTED / Math.max(1, groups.size())));

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.storyPointId = pattern.point().id;
        card.runId = request.runId();
        card.patternKey = request.pattern();
        card.number = nextNumber(card.storyPointId);
        card.version = 1;
        card.title = draft.title();
        card.observation = draft.observation();
        card.interpretationA = "";
        card.interpretationB = "";
        card.published = false;
        card.createdBy = access.staff().username();
        card.createdAt = now;
        card.updatedBy = card.createdBy;
        card.updatedAt = now;
        card.persist();
        List<StoryRef> refs =
                chosen.stream().map(c -> new StoryRef(c.id(), null, null)).toList();
        writeStories(card, chosen.stream().map(TypicalStories.Candidate::pk).toList(), refs);
        saveRevision(card, refs);
        return view(card);
    }

    /** The next card number of a story point: one more than the last one given there (also when that card is gone). */
    private int nextNumber(long storyPointId) {
        return ((Number) em.createNativeQuery("INSERT INTO card_number (story_point_id, last_number) VALUES (?1, 1) "
                                + "ON CONFLICT (story_point_id) DO UPDATE SET last_number = card_number.last_number + 1 "
                                + "RETURNING last_number")
                        .setParameter(1, storyPointId)
                        .getSingleResult())
                .intValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CardView get(UUID id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardSummary> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        Map<UUID, Integer> withdrawn = new LinkedHashMap<>();
        Set<UUID> withTrend = new HashSet<>();
        for (Object[] row : storyCounts(point.id)) {
            counts.put((UUID) row[0], ((Number) row[1]).intValue());
            withdrawn.put((UUID) row[0], ((Number) row[2]).intValue());
            if ((Boolean) row[3]) {
                withTrend.add((UUID) row[0]);
            }
        }
        return Card.listFor(point.id).stream()
                .map(c -> new CardSummary(
                        c.id,
                        c.number,
                        slug,
                        c.runId,
                        c.patternKey,
                        c.version,
                        c.title,
                        c.published,
                        counts.getOrDefault(c.id, 0),
                        withdrawn.getOrDefault(c.id, 0),
                        withTrend.contains(c.id),
                        c.updatedBy,
                        c.updatedAt))
                .toList();
    }

    /** Saves an edit as the next version. */
    public CardView update(UUID id, CardEdit edit) {
        Card card = find(id);
        if (edit == null) {
            throw ProblemException.malformed(
                    "body", "a JSON object with the card's version and the changed fields is expected");
        }
        if (edit.version() == null) {
            throw ProblemException.invalid(
                    "version", "is required: the version you edited, so that no one's changes are lost");
        }
        checkVersion(card, edit.version());
        List<FieldError> errors = new ArrayList<>();
        String title = edit.title() == null ? card.title : edit.title().strip();
        if (Texts.isBlank(title) || title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "must be 1 to " + MAX_TITLE + " characters"));
        }
        String observation = edit.observation() == null
                ? card.observation
                : edit.observation().strip();
        if (Texts.isBlank(observation) || observation.length() > MAX_OBSERVATION) {
            errors.add(new FieldError(
                    "observation",
                    "must be 1 to " + MAX_OBSERVATION + " characters (the card must fit on one A4 page)"));
        }
        List<String> interpretations = List.of(card.interpretationA, card.interpretationB);
        if (edit.interpretations() != null) {
            if (edit.interpretations().size() != 2 || edit.interpretations().contains(null)) {
                errors.add(new FieldError(
                        "interpretations", "must hold exactly two texts (either may be empty while drafting)"));
            } else {
                interpretations =
                        edit.interpretations().stream().map(String::strip).toList();
                for (int i = 0; i < 2; i++) {
                    if (interpretations.get(i).length() > MAX_INTERPRETATION) {
                        errors.add(new FieldError(
                                "interpretations[" + i + "]",
                                "must be at most " + MAX_INTERPRETATION
                                        + " characters (the card must fit on one A4 page)"));
                    }
                }
            }
        }
        boolean published = edit.published() == null ? card.published : edit.published();
        if (published && interpretations.stream().anyMatch(String::isEmpty)) {
            errors.add(new FieldError("published", "a card is published only with both interpretations written"));
        }
        List<StoryRef> refs = null;
        List<Long> pks = null;
        if (edit.stories() != null) {
            refs = edit.stories();
            pks = checkStories(card.storyPointId, refs, errors);
        }
        List<CardDocument.Figure> figures = documents.figures(card.id);
        if (edit.figures() != null) {
            figures = checkFigures(card.storyPointId, figures, edit.figures(), errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        card.version++;
        card.title = title;
        card.observation = observation;
        card.interpretationA = interpretations.get(0);
        card.interpretationB = interpretations.get(1);
        card.published = published;
        card.updatedBy = access.staff().username();
        card.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (edit.figures() != null) {
            writeFigures(card, figures);
        }
        if (refs != null) {
            writeStories(card, pks, refs);
        } else {
            refs = documents.stories(card.id).stream()
                    .map(r -> new StoryRef(r.id(), r.quoteStart(), r.quoteEnd()))
                    .toList();
            // the facilitator saw the notice of a quote a redaction took off (CardQuotes): it has done its work
            em.createNativeQuery("UPDATE card_story SET quote_withdrawn = FALSE WHERE card_id = ?1")
                    .setParameter(1, card.id)
                    .executeUpdate();
        }
        saveRevision(card, refs);
        return view(card);
    }

    /**
     * Puts a trend on the card, in place of the one it had: a snapshot of the monitoring result now, which later
     * stories do not change. Saved as the next version.
     */
    public CardView putTrend(UUID id, TrendRequest request) {
        Card card = find(id);
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with the monitoring request is expected");
        }
        checkVersion(card, request.version());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String by = access.staff().username();
        CardDocument.Trend trend =
                trends.snapshot(StoryPoint.findById(card.storyPointId), request.module(), request.request(), by, now);
        em.flush();
        em.createNativeQuery("DELETE FROM card_trend WHERE card_id = ?1")
                .setParameter(1, card.id)
                .executeUpdate();
        try {
            em.createNativeQuery("INSERT INTO card_trend (card_id, module, scope, focus, rest, request, monitor, "
                            + "taken_by, taken_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(?7 AS jsonb), "
                            + "?8, ?9)")
                    .setParameter(1, card.id)
                    .setParameter(2, trend.module())
                    .setParameter(3, trend.scope())
                    .setParameter(4, trend.focus())
                    .setParameter(5, trend.rest())
                    .setParameter(6, mapper.writeValueAsString(trend.request()))
                    .setParameter(7, mapper.writeValueAsString(trend.monitor()))
                    .setParameter(8, by)
                    .setParameter(9, now)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return nextVersion(card, by, now);
    }

    /** Takes the trend off the card, saved as the next version; a card without one is left as it is. */
    public CardView removeTrend(UUID id, Integer version) {
        Card card = find(id);
        checkVersion(card, version);
        int removed = em.createNativeQuery("DELETE FROM card_trend WHERE card_id = ?1")
                .setParameter(1, card.id)
                .executeUpdate();
        if (removed == 0) {
            return view(card);
        }
        return nextVersion(card, access.staff().username(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void checkVersion(Card card, Integer version) {
        if (version != null && version != card.version) {
            throw ProblemException.conflict(
                    "version",
                    "the card was saved by " + card.updatedBy + " in the meantime (now version " + card.version
                            + "); reload it and make your changes again");
        }
    }

    /** Saves the card as it now is as its next version, with its stories as they are. */
    private CardView nextVersion(Card card, String by, Instant at) {
        card.version++;
        card.updatedBy = by;
        card.updatedAt = at;
        saveRevision(
                card,
                documents.stories(card.id).stream()
                        .map(r -> new StoryRef(r.id(), r.quoteStart(), r.quoteEnd()))
                        .toList());
        return view(card);
    }

    /** Deletes a card that is on no session table. */
    public void delete(UUID id) {
        Card card = find(id);
        Number tables = (Number) em.createNativeQuery("SELECT count(*) FROM session_table_card WHERE card_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        if (tables.longValue() > 0) {
            throw ProblemException.conflict("id", "the card is on " + tables + " session table(s); take it off first");
        }
        card.delete();
    }

    /** More stories that fit the card's pattern and are not on it yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Suggestion> suggestions(UUID id, int count) {
        Card card = find(id);
        if (count < 1 || count > 50) {
            throw ProblemException.invalid("count", "must be 1 to 50");
        }
        EvaluationService.RunPattern pattern =
                evaluations.loadPattern(card.runId, card.patternKey).orElseThrow();
        StoryPointDefinition definition = storyPoints
                .current(StoryPoint.<StoryPoint>findById(card.storyPointId).slug)
                .definition();
        List<StoryCandidates.Group> groups =
                StoryCandidates.groups(pattern.exact(), pattern.scope().definition());
        Set<Long> onCard = new HashSet<>();
        documents.stories(card.id).forEach(r -> onCard.add(r.pk()));
        List<TypicalStories.Candidate> chosen = TypicalStories.choose(
                candidates(pattern, card.storyPointId, groups, onCard),
                groups.stream().map(StoryCandidates.Group::name).toList(),
                (count + groups.size() - 1) / Math.max(1, groups.size()));
        Map<String, String> groupLabels = new LinkedHashMap<>();
        groups.forEach(g -> groupLabels.put(g.name(), g.label()));
        Map<Long, String> texts =
                texts(chosen.stream().map(TypicalStories.Candidate::pk).toList());
        return chosen.stream()
                .limit(count)
                .map(c -> new Suggestion(
                        c.id(),
                        CardDocuments.roleLabel(definition, c.role()),
                        c.words(),
                        groupLabels.get(c.group()),
                        Excerpts.of(texts.get(c.pk()), null, null)))
                .toList();
    }

    /** Every saved version, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Revision> revisions(UUID id) {
        find(id);
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT version, saved_by, saved_at, content FROM card_revision WHERE card_id = ?1 "
                                + "ORDER BY version DESC")
                .setParameter(1, id)
                .getResultList();
        List<Revision> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Revision(
                    ((Number) r[0]).intValue(), (String) r[1], Tokens.instant(r[2]), readTree((String) r[3])));
        }
        return out;
    }

    /** The rendering model of one card. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CardDocument document(UUID id) {
        return documents.document(find(id));
    }

    /**
     * The rendering models of a deck: the given cards in the given order, or when none are given every card
     * of the story point in the order they were made.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardDocument> deck(String slug, List<UUID> ids) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        List<Card> cards;
        if (ids == null || ids.isEmpty()) {
            cards = Card.listFor(point.id);
        } else {
            cards = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Card card = Card.findById(ids.get(i));
                if (card == null || card.storyPointId != point.id) {
                    throw ProblemException.invalid(
                            "card[" + i + "]", "there is no card " + ids.get(i) + " at this story point");
                }
                cards.add(card);
            }
        }
        return cards.stream().map(documents::document).toList();
    }

    private Card find(UUID id) {
        Card card = Card.<Card>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no card " + id + "."));
        access.require(StoryPoint.findById(card.storyPointId), StaffRole.ANALYST, StaffRole.FACILITATOR);
        return card;
    }

    /**
     * Stories of the card's own story point that fit the pattern's groups: for a module-wide pattern, never stories of
     * the other story points it covers, which the card's readers may not read.
     */
    private List<TypicalStories.Candidate> candidates(
            EvaluationService.RunPattern pattern,
            long storyPointId,
            List<StoryCandidates.Group> groups,
            Set<Long> excluded) {
        StoryFilter filter;
        try {
            filter = pattern.request().hasNonNull("filter")
                    ? mapper.treeToValue(pattern.request().get("filter"), StoryFilter.class)
                    : StoryFilter.all();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = dataSource.getConnection()) {
            return StoryCandidates.find(c, pattern.scope().narrowedTo(storyPointId), filter, groups, excluded);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Checks the stories of an edit; returns their keys in order. */
    private List<Long> checkStories(long storyPointId, List<StoryRef> refs, List<FieldError> errors) {
        List<Long> pks = new ArrayList<>();
        if (refs.size() > MAX_STORIES) {
            errors.add(new FieldError("stories", "at most " + MAX_STORIES + " stories fit on a card (one A4 page)"));
            return pks;
        }
        Map<String, ShareableStories.Found> found = ShareableStories.find(
                em,
                storyPointId,
                refs.stream().filter(Objects::nonNull).map(StoryRef::id).toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            StoryRef ref = refs.get(i);
            String field = "stories[" + i + "]";
            if (ref == null || ref.id() == null || ref.id().isBlank()) {
                errors.add(new FieldError(field + ".id", "is required"));
                continue;
            }
            if (!seen.add(ref.id())) {
                errors.add(new FieldError(field + ".id", "story " + ref.id() + " is on the card twice"));
                continue;
            }
            ShareableStories.Found story = found.get(ref.id());
            if (story == null) {
                errors.add(new FieldError(field + ".id", "there is no story " + ref.id() + " at this story point"));
                continue;
            }
            String text = story.text();
            String refusal = story.refusal(ref.id());
            if (refusal != null) {
                errors.add(new FieldError(field + ".id", refusal));
            }
            if ((ref.quoteStart() == null) != (ref.quoteEnd() == null)) {
                errors.add(new FieldError(field + ".quoteEnd", "quoteStart and quoteEnd go together"));
            } else if (ref.quoteStart() != null) {
                int start = ref.quoteStart();
                int end = ref.quoteEnd();
                if (start < 0 || end <= start || end > text.length()) {
                    errors.add(new FieldError(
                            field + ".quoteStart",
                            "the quote must lie inside the story: 0 <= quoteStart < quoteEnd <= " + text.length()));
                } else if (end - start > MAX_QUOTE) {
                    errors.add(new FieldError(
                            field + ".quoteEnd",
                            "a quote is at most " + MAX_QUOTE
                                    + " characters, a sentence or two (the card must fit on one A4 page)"));
                } else if (text.substring(start, end).isBlank()) {
                    errors.add(new FieldError(field + ".quoteStart", "the quote is empty"));
                }
            }
            pks.add(story.pk());
        }
        return pks;
    }

    /**
     * The figures an edit puts on the card, in its order: the copy the card has of a figure already on it, a fresh
     * copy of a figure of the story point otherwise.
     */
    private List<CardDocument.Figure> checkFigures(
            long storyPointId, List<CardDocument.Figure> onCard, List<Long> ids, List<FieldError> errors) {
        if (ids.size() > MAX_FIGURES) {
            errors.add(new FieldError("figures", "at most " + MAX_FIGURES + " figures fit on a card (one A4 page)"));
            return onCard;
        }
        Map<Long, CardDocument.Figure> kept = new LinkedHashMap<>();
        onCard.forEach(f -> kept.put(f.figure(), f));
        Map<Long, ContextFigureService.FigureView> available = contextFigures.find(
                storyPointId, ids.stream().filter(Objects::nonNull).toList());
        List<CardDocument.Figure> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String field = "figures[" + i + "]";
            if (id == null) {
                errors.add(new FieldError(field, "is required: the id of a figure"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, "figure " + id + " is on the card twice"));
            } else if (kept.containsKey(id)) {
                out.add(kept.get(id));
            } else if (available.containsKey(id)) {
                ContextFigureService.FigureView f = available.get(id);
                out.add(new CardDocument.Figure(
                        f.id(), f.indicator(), f.region(), f.period(), f.value(), f.unit(), f.source()));
            } else {
                errors.add(new FieldError(field, "there is no figure " + id + " at this story point"));
            }
        }
        return out;
    }

    private void writeFigures(Card card, List<CardDocument.Figure> figures) {
        em.flush();
        em.createNativeQuery("DELETE FROM card_figure WHERE card_id = ?1")
                .setParameter(1, card.id)
                .executeUpdate();
        for (int i = 0; i < figures.size(); i++) {
            CardDocument.Figure f = figures.get(i);
            em.createNativeQuery("INSERT INTO card_figure (card_id, position, figure_id, indicator, region, period, "
                            + "value, unit, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS numeric), ?8, ?9)")
                    .setParameter(1, card.id)
                    .setParameter(2, i)
                    .setParameter(3, f.figure())
                    .setParameter(4, f.indicator())
                    .setParameter(5, f.region())
                    .setParameter(6, f.period())
                    .setParameter(7, f.value())
                    .setParameter(8, f.unit())
                    .setParameter(9, f.source())
                    .executeUpdate();
        }
    }

    private void writeStories(Card card, List<Long> pks, List<StoryRef> refs) {
        em.flush();
        em.createNativeQuery("DELETE FROM card_story WHERE card_id = ?1")
                .setParameter(1, card.id)
                .executeUpdate();
        for (int i = 0; i < pks.size(); i++) {
            em.createNativeQuery(
                            "INSERT INTO card_story (card_id, story_pk, position, quote_start, quote_end) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, card.id)
                    .setParameter(2, pks.get(i))
                    .setParameter(3, i)
                    .setParameter(4, refs.get(i).quoteStart())
                    .setParameter(5, refs.get(i).quoteEnd())
                    .executeUpdate();
        }
    }

    private void saveRevision(Card card, List<StoryRef> refs) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", card.title);
        content.put("observation", card.observation);
        content.put("interpretations", List.of(card.interpretationA, card.interpretationB));
        content.put("published", card.published);
        content.put("stories", refs);
        content.put("figures", documents.figures(card.id));
        content.put("trend", documents.trend(card.id));
        em.flush();
        try {
            em.createNativeQuery(
                            "INSERT INTO card_revision (card_id, version, content, saved_by, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, card.id)
                    .setParameter(2, card.version)
                    .setParameter(3, mapper.writeValueAsString(content))
                    .setParameter(4, card.updatedBy)
                    .setParameter(5, card.updatedAt)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CardView view(Card card) {
        CardDocument document = documents.document(card);
        StoryPoint point = StoryPoint.findById(card.storyPointId);
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<CardStoryView> stories = documents.stories(card.id).stream()
                .map(r -> new CardStoryView(
                        r.id(),
                        CardDocuments.roleLabel(definition, r.role()),
                        r.words(),
                        r.complete(),
                        r.text(),
                        Excerpts.of(r.text(), r.quoteStart(), r.quoteEnd()),
                        r.quoteStart(),
                        r.quoteEnd(),
                        r.quote(),
                        r.hidden() ? "hidden" : r.flagged() ? "flagged" : null,
                        r.quoteWithdrawn()))
                .toList();
        return new CardView(
                card.id,
                card.number,
                point.slug,
                card.runId,
                card.patternKey,
                card.version,
                card.title,
                card.observation,
                List.of(card.interpretationA, card.interpretationB),
                card.published,
                stories,
                document.figures(),
                document.trend(),
                document.questions(),
                document.pattern(),
                document.provenance(),
                card.createdBy,
                card.createdAt,
                card.updatedBy,
                card.updatedAt);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> storyCounts(long storyPointId) {
        return em.createNativeQuery(
                        "SELECT c.id, count(cs.story_pk), count(cs.story_pk) FILTER (WHERE cs.quote_withdrawn), "
                                + "EXISTS (SELECT 1 FROM card_trend t WHERE t.card_id = c.id) "
                                + "FROM card c LEFT JOIN card_story cs ON cs.card_id = c.id "
                                + "WHERE c.story_point_id = ?1 GROUP BY c.id")
                .setParameter(1, storyPointId)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private Map<Long, String> texts(List<Long> pks) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (pks.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT pk, text FROM story WHERE pk = ANY (?1)")
                .setParameter(1, pks.toArray(new Long[0]))
                .getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), (String) r[1]));
        return out;
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
