package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.card.Card;
import nl.vertelpunt.card.CardDocuments;
import nl.vertelpunt.card.Excerpts;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.story.ShareableStories;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Tokens;

/**
 * Sense-making sessions (duidingsbijeenkomsten) for facilitators: preparing the tables with a small
 * selection of cards and stories, giving each table a link, and afterwards recording per proposal what was
 * decided and how it goes on.
 */
@ApplicationScoped
@Transactional
public class SenseSessionService {

    /** Above this many cards at one table participants tend to get lost in the material. */
    public static final int ADVISED_CARDS = 7;
    /** Above this many stories at one table participants tend to get lost in the material. */
    public static final int ADVISED_STORIES = 20;
    /** Hard limits, well above the advice. */
    static final int MAX_CARDS = 30;

    static final int MAX_STORIES = 100;
    static final int MAX_LINK_DAYS = 30;

    /** A session's date, place and name. */
    public record SessionInput(String storyPoint, String title, LocalDate heldOn, String place, Boolean online) {}

    /** What a table gets: its name, cards and stories (by id), in order. */
    public record TablePlan(String name, List<UUID> cards, List<String> stories) {}

    /** A card at a table. */
    public record TableCardRef(UUID id, String title, int version, boolean published) {}

    /** A story at a table, with an excerpt; {@code problem} says why a table will not see it (hidden, flagged). */
    public record TableStoryRef(String id, String role, String excerpt, String problem) {}

    /** Advice on the size of a table's material: {@code code} too-many-cards or too-many-stories. */
    public record Warning(String code, int count, int advised) {}

    /** A table as the facilitator sees it. */
    public record TableView(
            UUID id,
            String name,
            int position,
            List<TableCardRef> cards,
            List<TableStoryRef> stories,
            boolean linkActive,
            Instant linkExpiresAt,
            List<Warning> warnings) {}

    /** A session in a list. */
    public record SessionSummary(
            UUID id,
            String storyPoint,
            String title,
            LocalDate heldOn,
            String place,
            boolean online,
            int tables,
            int proposals) {}

    /** A session with its tables, notes and proposals. */
    public record SessionView(
            UUID id,
            String storyPoint,
            String title,
            LocalDate heldOn,
            String place,
            boolean online,
            String createdBy,
            Instant createdAt,
            List<TableView> tables,
            List<Proposals.NoteView> notes,
            List<Proposals.ProposalView> proposals) {}

    /** A table's link; the token is shown only now. */
    public record Link(UUID tableId, String token, String path, Instant expiresAt) {}

    /** How long a new link stays valid: through the session's day plus this many days (default 1). */
    public record LinkRequest(Integer days) {}

    /** A facilitator's edit of a proposal: its texts and whether it shows on the public page. */
    public record ProposalEdit(
            String title, String action, String goal, String owner, Boolean published, List<Long> notes) {}

    /** A status with a short note on what was decided or done. */
    public record UpdateInput(String status, String note) {}

    private final StoryPointService storyPoints;
    private final Access access;
    private final Proposals proposals;
    private final CardDocuments documents;
    private final EntityManager em;

    SenseSessionService(
            StoryPointService storyPoints,
            Access access,
            Proposals proposals,
            CardDocuments documents,
            EntityManager em) {
        this.storyPoints = storyPoints;
        this.access = access;
        this.proposals = proposals;
        this.documents = documents;
        this.em = em;
    }

    public SessionView create(SessionInput input) {
        if (input == null) {
            throw ProblemException.malformed(
                    "body", "a JSON object with storyPoint, title, heldOn and online is expected");
        }
        if (input.storyPoint() == null || input.storyPoint().isBlank()) {
            throw ProblemException.invalid("storyPoint", "is required: the slug of the story point");
        }
        StoryPoint point = storyPoints.find(input.storyPoint(), "storyPoint");
        access.require(point, StaffRole.FACILITATOR);
        SenseSession s = new SenseSession();
        s.id = UUID.randomUUID();
        s.storyPointId = point.id;
        fill(s, input);
        s.createdBy = access.staff().username();
        s.createdAt = Proposals.now();
        s.persist();
        return view(s);
    }

    public SessionView update(UUID id, SessionInput input) {
        SenseSession s = find(id);
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with title, heldOn and online is expected");
        }
        fill(s, input);
        return view(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(UUID id) {
        return view(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionSummary> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.FACILITATOR);
        return SenseSession.listFor(point.id).stream()
                .map(s -> new SessionSummary(
                        s.id,
                        slug,
                        s.title,
                        s.heldOn,
                        s.place,
                        s.online,
                        (int) SessionTable.count("sessionId", s.id),
                        (int) Proposal.count("sessionId", s.id)))
                .toList();
    }

    public void delete(UUID id) {
        find(id).delete();
    }

    public SessionView addTable(UUID sessionId, TablePlan plan) {
        SenseSession s = find(sessionId);
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
        plan(s, t, plan);
        t.persist();
        em.flush();
        writePlan(t, plan);
        return view(s);
    }

    public SessionView updateTable(UUID sessionId, UUID tableId, TablePlan plan) {
        SenseSession s = find(sessionId);
        SessionTable t = table(s, tableId);
        plan(s, t, plan);
        writePlan(t, plan);
        return view(s);
    }

    public SessionView deleteTable(UUID sessionId, UUID tableId) {
        SenseSession s = find(sessionId);
        table(s, tableId).delete();
        return view(s);
    }

    /** A new link for a table; any earlier link of the table stops working. */
    public Link link(UUID sessionId, UUID tableId, LinkRequest request) {
        SenseSession s = find(sessionId);
        SessionTable t = table(s, tableId);
        int days = request == null || request.days() == null ? 1 : request.days();
        if (days < 0 || days > MAX_LINK_DAYS) {
            throw ProblemException.invalid(
                    "days", "must be 0 to " + MAX_LINK_DAYS + ": the days after the session the link keeps working");
        }
        LocalDate today = LocalDate.now(StoryFilter.ZONE);
        LocalDate last = (s.heldOn.isAfter(today) ? s.heldOn : today).plusDays(days);
        String token = Tokens.random(32);
        t.tokenHash = Tokens.sha256(token);
        t.tokenExpiresAt = last.plusDays(1).atStartOfDay(StoryFilter.ZONE).toInstant();
        return new Link(t.id, token, "/t/" + token, t.tokenExpiresAt);
    }

    /** The cards of one table, for printing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<CardDocument> tableDeck(UUID sessionId, UUID tableId) {
        SenseSession s = find(sessionId);
        SessionTable t = table(s, tableId);
        List<UUID> ids = em.createNativeQuery(
                        "SELECT card_id FROM session_table_card WHERE table_id = ?1 ORDER BY position")
                .setParameter(1, t.id)
                .getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.conflict("cards", "table '" + t.name + "' has no cards");
        }
        return ids.stream().map(id -> documents.document(Card.findById(id))).toList();
    }

    /** Stops a table's link at once. */
    public SessionView revoke(UUID sessionId, UUID tableId) {
        SenseSession s = find(sessionId);
        SessionTable t = table(s, tableId);
        t.tokenHash = Tokens.sha256(Tokens.random(32));
        t.tokenExpiresAt = Proposals.now();
        return view(s);
    }

    /** A proposal made by the facilitator, e.g. from notes on paper, at a table or for the whole session. */
    public Proposals.ProposalView propose(UUID sessionId, UUID tableId, Proposals.ProposalInput input) {
        SenseSession s = find(sessionId);
        if (tableId != null) {
            table(s, tableId);
        }
        return proposals.create(s.id, tableId, input, notes(s));
    }

    public Proposals.ProposalView editProposal(UUID id, ProposalEdit edit) {
        Proposal p = proposal(id);
        if (edit == null) {
            throw ProblemException.malformed("body", "a JSON object with title, action, goal and owner is expected");
        }
        Proposals.ProposalView view = proposals.edit(
                p,
                new Proposals.ProposalInput(edit.title(), edit.action(), edit.goal(), edit.owner(), edit.notes()),
                notes(SenseSession.findById(p.sessionId)));
        if (edit.published() != null) {
            p.published = edit.published();
            view = Proposals.view(p);
        }
        return view;
    }

    /** Records a decision or progress: the proposal takes the new status. */
    public Proposals.ProposalView addUpdate(UUID id, UpdateInput input) {
        Proposal p = proposal(id);
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with status and note is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.status() == null || !Proposal.STATUSES.contains(input.status())) {
            errors.add(new FieldError("status", "must be one of " + String.join(", ", Proposal.STATUSES)));
        }
        if (input.note() != null && input.note().strip().length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ProposalUpdate u = new ProposalUpdate();
        u.proposalId = p.id;
        u.status = input.status();
        u.note = input.note() == null ? "" : input.note().strip();
        u.doneBy = access.staff().username();
        u.doneAt = Proposals.now();
        u.persist();
        p.status = u.status;
        p.updatedAt = u.doneAt;
        return Proposals.view(p);
    }

    public void deleteProposal(UUID id) {
        proposal(id).delete();
    }

    private void fill(SenseSession s, SessionInput input) {
        List<FieldError> errors = new ArrayList<>();
        Proposals.text(errors, "title", input.title(), 200);
        if (input.heldOn() == null) {
            errors.add(new FieldError("heldOn", "is required: the date of the session (yyyy-mm-dd)"));
        }
        if (input.online() == null) {
            errors.add(new FieldError("online", "is required: true for an online session"));
        }
        if (input.place() != null && input.place().strip().length() > 200) {
            errors.add(new FieldError("place", "must be at most 200 characters"));
        }
        if (Boolean.FALSE.equals(input.online())
                && (input.place() == null || input.place().isBlank())) {
            errors.add(new FieldError("place", "is required for a session that is not online"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        s.title = input.title().strip();
        s.heldOn = input.heldOn();
        s.place = input.place() == null || input.place().isBlank()
                ? null
                : input.place().strip();
        s.online = input.online();
    }

    /** Checks a table's plan against the session's story point. */
    @SuppressWarnings("unchecked")
    private void plan(SenseSession s, SessionTable t, TablePlan plan) {
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

    private void writePlan(SessionTable t, TablePlan plan) {
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

    private SenseSession find(UUID id) {
        SenseSession s = SenseSession.<SenseSession>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no session " + id + "."));
        access.require(StoryPoint.findById(s.storyPointId), StaffRole.FACILITATOR);
        return s;
    }

    private static SessionTable table(SenseSession s, UUID tableId) {
        SessionTable t = SessionTable.findById(tableId);
        if (t == null || !t.sessionId.equals(s.id)) {
            throw ProblemException.notFound("Session " + s.id + " has no table " + tableId + ".");
        }
        return t;
    }

    private Proposal proposal(UUID id) {
        Proposal p = Proposal.<Proposal>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no proposal " + id + "."));
        find(p.sessionId);
        return p;
    }

    private static Map<Long, SessionNote> notes(SenseSession s) {
        Map<Long, SessionNote> out = new LinkedHashMap<>();
        SessionNote.listForTables(
                        SessionTable.listFor(s.id).stream().map(t -> t.id).toList())
                .forEach(n -> out.put(n.id, n));
        return out;
    }

    @SuppressWarnings("unchecked")
    private SessionView view(SenseSession s) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        StoryPoint point = StoryPoint.findById(s.storyPointId);
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<SessionTable> tables = SessionTable.listFor(s.id);
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
        List<Proposals.NoteView> notes = SessionNote.listForTables(
                        tables.stream().map(t -> t.id).toList())
                .stream()
                .map(Proposals::view)
                .toList();
        return new SessionView(
                s.id,
                point.slug,
                s.title,
                s.heldOn,
                s.place,
                s.online,
                s.createdBy,
                s.createdAt,
                tableViews,
                notes,
                Proposals.views(Proposal.listFor(s.id)));
    }
}
