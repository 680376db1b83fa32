package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.card.Card;
import nl.vertelpunt.card.CardDocuments;
import nl.vertelpunt.card.Excerpts;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.session.SenseSessionService.Link;
import nl.vertelpunt.session.SenseSessionService.LinkRequest;
import nl.vertelpunt.session.SenseSessionService.TableCardRef;
import nl.vertelpunt.session.SenseSessionService.TablePlan;
import nl.vertelpunt.session.SenseSessionService.TableStoryRef;
import nl.vertelpunt.session.SenseSessionService.TableView;
import nl.vertelpunt.session.SenseSessionService.Warning;
import nl.vertelpunt.story.ShareableStories;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Tokens;

/**
 * A session's tables as the facilitator prepares them: the cards and stories of each, checked against the
 * session's story point and the limits, how long its link works, the deck to print, and how a table looks on the
 * session page with its warnings. Runs in the transaction of {@link SenseSessionService}, which checks access.
 */
@ApplicationScoped
class SessionTables {

    /** Above this many cards at one table participants tend to get lost in the material. */
    static final int ADVISED_CARDS = 7;
    /** Above this many stories at one table participants tend to get lost in the material. */
    static final int ADVISED_STORIES = 20;
    /** Hard limits, well above the advice. */
    static final int MAX_CARDS = 30;

    static final int MAX_STORIES = 100;
    /** The most days after the session a table's link may keep working. */
    static final int MAX_LINK_DAYS = 30;

    private final CardDocuments documents;
    private final EntityManager em;

    SessionTables(CardDocuments documents, EntityManager em) {
        this.documents = documents;
        this.em = em;
    }

    /** Adds a table with its cards and stories at the end of the session; it has no link yet. */
    void add(SenseSession s, TablePlan plan) {
        SessionTable t = new SessionTable();
        t.id = UUID.randomUUID();
        t.sessionId = s.id;
        t.position = SessionTable.listFor(s.id).stream()
                .mapToInt(x -> x.position + 1)
                .max()
                .orElse(0);
        // no link yet: a hash no token has, already expired
        t.tokenHash = Tokens.sha256(Tokens.random(32));
        t.tokenExpiresAt = Proposals.now();
        check(s, t, plan);
        t.persist();
        em.flush();
        write(t, plan);
    }

    /** Gives a table another name, cards and stories. */
    void update(SenseSession s, SessionTable t, TablePlan plan) {
        check(s, t, plan);
        write(t, plan);
    }

    /** A new link for a table; any earlier link of the table stops working. */
    Link link(SenseSession s, SessionTable t, LinkRequest request) {
        int days = request == null || request.days() == null ? 1 : request.days();
        if (days < 0 || days > MAX_LINK_DAYS) {
            throw ProblemException.invalid(
                    "days", "must be 0 to " + MAX_LINK_DAYS + ": the days after the session the link keeps working");
        }
        LocalDate today = LocalDate.now(StoryFilter.ZONE);
        LocalDate last = (s.heldOn.isAfter(today) ? s.heldOn : today).plusDays(days);
        // the token follows from the short code under a random key (TableCodes): either leads to the table
        String code;
        do {
            code = TableCodes.newCode();
        } while (SessionTable.byCodeHash(Tokens.sha256(code)).isPresent());
        t.codeKey = TableCodes.newKey();
        t.codeHash = Tokens.sha256(code);
        String token = TableCodes.token(t.codeKey, code);
        t.tokenHash = Tokens.sha256(token);
        t.tokenExpiresAt = last.plusDays(1).atStartOfDay(StoryFilter.ZONE).toInstant();
        return new Link(t.id, token, "/t/" + token, TableCodes.display(code), t.tokenExpiresAt);
    }

    /** Stops a table's link at once. */
    static void revoke(SessionTable t) {
        t.tokenHash = Tokens.sha256(Tokens.random(32));
        t.tokenExpiresAt = Proposals.now();
        t.codeHash = null;
        t.codeKey = null;
    }

    /** The cards of one table, for printing; 409 when it has none. */
    @SuppressWarnings("unchecked")
    List<CardDocument> deck(SessionTable t) {
        List<UUID> ids = em.createNativeQuery(
                        "SELECT card_id FROM session_table_card WHERE table_id = ?1 ORDER BY position")
                .setParameter(1, t.id)
                .getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.conflict("cards", "table '" + t.name + "' has no cards");
        }
        return ids.stream().map(id -> documents.document(Card.findById(id))).toList();
    }

    /** The tables as the session page shows them, with a warning when a table has more than is advised. */
    @SuppressWarnings("unchecked")
    List<TableView> views(List<SessionTable> tables, StoryPointDefinition definition) {
        Instant now = Instant.now();
        List<TableView> tableViews = new ArrayList<>();
        for (SessionTable t : tables) {
            List<Object[]> cardRows = em.createNativeQuery(
                            "SELECT c.id, c.title, c.version, c.published FROM session_table_card tc "
                                    + "JOIN card c ON c.id = tc.card_id WHERE tc.table_id = ?1 ORDER BY tc.position")
                    .setParameter(1, t.id)
                    .getResultList();
            List<TableCardRef> cards = cardRows.stream()
                    .map(r -> new TableCardRef((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), (Boolean) r[3]))
                    .toList();
            List<Object[]> storyRows = em.createNativeQuery(
                            "SELECT s.id, s.role, s.text, s.hidden, s.flagged FROM session_table_story ts "
                                    + "JOIN story s ON s.pk = ts.story_pk WHERE ts.table_id = ?1 ORDER BY ts.position")
                    .setParameter(1, t.id)
                    .getResultList();
            List<TableStoryRef> stories = storyRows.stream()
                    .map(r -> new TableStoryRef(
                            (String) r[0],
                            CardDocuments.roleLabel(definition, (String) r[1]),
                            Excerpts.of((String) r[2], null, null),
                            (Boolean) r[3] ? "hidden" : (Boolean) r[4] ? "flagged" : null))
                    .toList();
            List<Warning> warnings = new ArrayList<>();
            if (cards.size() > ADVISED_CARDS) {
                warnings.add(new Warning("too-many-cards", cards.size(), ADVISED_CARDS));
            }
            if (stories.size() > ADVISED_STORIES) {
                warnings.add(new Warning("too-many-stories", stories.size(), ADVISED_STORIES));
            }
            boolean active = t.tokenExpiresAt.isAfter(now);
            tableViews.add(new TableView(
                    t.id, t.name, t.position, cards, stories, active, active ? t.tokenExpiresAt : null, warnings));
        }
        return tableViews;
    }

    /** Checks a table's plan against the session's story point. */
    @SuppressWarnings("unchecked")
    private void check(SenseSession s, SessionTable t, TablePlan plan) {
        if (plan == null) {
            throw ProblemException.malformed("body", "a JSON object with name, cards and stories is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        Proposals.text(errors, "name", plan.name(), 100);
        List<UUID> cards = plan.cards() == null ? List.of() : plan.cards();
        List<String> stories = plan.stories() == null ? List.of() : plan.stories();
        if (cards.size() > MAX_CARDS) {
            errors.add(new FieldError(
                    "cards", "at most " + MAX_CARDS + " cards (" + ADVISED_CARDS + " or fewer is advised)"));
        }
        if (stories.size() > MAX_STORIES) {
            errors.add(new FieldError(
                    "stories", "at most " + MAX_STORIES + " stories (" + ADVISED_STORIES + " or fewer is advised)"));
        }
        Set<UUID> seenCards = new HashSet<>();
        for (int i = 0; i < cards.size() && i < MAX_CARDS; i++) {
            Card card = cards.get(i) == null ? null : Card.findById(cards.get(i));
            if (card == null || card.storyPointId != s.storyPointId) {
                errors.add(new FieldError("cards[" + i + "]", "is not a card of this story point"));
            } else if (!seenCards.add(card.id)) {
                errors.add(new FieldError("cards[" + i + "]", "is in the list twice"));
            }
        }
        Map<String, ShareableStories.Found> found =
                ShareableStories.find(em, s.storyPointId, stories.subList(0, Math.min(stories.size(), MAX_STORIES)));
        Set<String> seenStories = new HashSet<>();
        for (int i = 0; i < stories.size() && i < MAX_STORIES; i++) {
            String id = stories.get(i);
            ShareableStories.Found story = id == null ? null : found.get(id);
            String refusal = story == null ? null : story.refusal(id);
            if (story == null) {
                errors.add(new FieldError("stories[" + i + "]", "is not a story of this story point"));
            } else if (refusal != null) {
                errors.add(new FieldError("stories[" + i + "]", refusal));
            } else if (!seenStories.add(id)) {
                errors.add(new FieldError("stories[" + i + "]", "is in the list twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        t.name = plan.name().strip();
    }

    /** Replaces the table's cards and stories with those of the plan, in its order. */
    private void write(SessionTable t, TablePlan plan) {
        em.createNativeQuery("DELETE FROM session_table_card WHERE table_id = ?1")
                .setParameter(1, t.id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM session_table_story WHERE table_id = ?1")
                .setParameter(1, t.id)
                .executeUpdate();
        List<UUID> cards = plan.cards() == null ? List.of() : plan.cards();
        for (int i = 0; i < cards.size(); i++) {
            em.createNativeQuery("INSERT INTO session_table_card (table_id, card_id, position) VALUES (?1, ?2, ?3)")
                    .setParameter(1, t.id)
                    .setParameter(2, cards.get(i))
                    .setParameter(3, i)
                    .executeUpdate();
        }
        List<String> stories = plan.stories() == null ? List.of() : plan.stories();
        for (int i = 0; i < stories.size(); i++) {
            em.createNativeQuery("INSERT INTO session_table_story (table_id, story_pk, position) "
                            + "SELECT ?1, s.pk, ?2 FROM story s JOIN sense_session ss ON ss.story_point_id = s.story_point_id "
                            + "JOIN session_table t ON t.session_id = ss.id WHERE t.id = ?1 AND s.id = ?3")
                    .setParameter(1, t.id)
                    .setParameter(2, i)
                    .setParameter(3, stories.get(i))
                    .executeUpdate();
        }
    }
}
