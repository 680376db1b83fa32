package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.Dates;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Texts;

/**
 * Sense-making sessions (duidingsbijeenkomsten) for facilitators: planning a session, preparing its tables with
 * a small selection of cards and stories ({@link SessionTables}), and giving each table a link. The proposals
 * that come out of a session are followed up through {@link ProposalService}.
 */
@ApplicationScoped
@Transactional
public class SenseSessionService {

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

    /**
     * A table's link; the token and the short code ({@code code}, "K7Q-M3X-HD9", to type at {@code /t}) are shown
     * only now.
     */
    public record Link(UUID tableId, String token, String path, String code, Instant expiresAt) {}

    /** How long a new link stays valid: through the session's day plus this many days (default 1). */
    public record LinkRequest(Integer days) {}

    private final StoryPointService storyPoints;
    private final Access access;
    private final SessionAccess sessions;
    private final SessionTables tables;
    private final EntityManager em;

    SenseSessionService(
            StoryPointService storyPoints,
            Access access,
            SessionAccess sessions,
            SessionTables tables,
            EntityManager em) {
        this.storyPoints = storyPoints;
        this.access = access;
        this.sessions = sessions;
        this.tables = tables;
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
        SenseSession s = sessions.session(id);
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with title, heldOn and online is expected");
        }
        fill(s, input);
        return view(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(UUID id) {
        return view(sessions.session(id));
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
        sessions.session(id).delete();
    }

    public SessionView addTable(UUID sessionId, TablePlan plan) {
        SenseSession s = sessions.session(sessionId);
        tables.add(s, plan);
        return view(s);
    }

    public SessionView updateTable(UUID sessionId, UUID tableId, TablePlan plan) {
        SenseSession s = sessions.session(sessionId);
        tables.update(s, SessionAccess.table(s, tableId), plan);
        return view(s);
    }

    public SessionView deleteTable(UUID sessionId, UUID tableId) {
        SenseSession s = sessions.session(sessionId);
        SessionAccess.table(s, tableId).delete();
        return view(s);
    }

    /** A new link for a table; any earlier link of the table stops working. */
    public Link link(UUID sessionId, UUID tableId, LinkRequest request) {
        SenseSession s = sessions.session(sessionId);
        return tables.link(s, SessionAccess.table(s, tableId), request);
    }

    /** The cards of one table, for printing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CardDocument> tableDeck(UUID sessionId, UUID tableId) {
        SenseSession s = sessions.session(sessionId);
        return tables.deck(SessionAccess.table(s, tableId));
    }

    /** Stops a table's link at once. */
    public SessionView revoke(UUID sessionId, UUID tableId) {
        SenseSession s = sessions.session(sessionId);
        SessionTables.revoke(SessionAccess.table(s, tableId));
        return view(s);
    }

    private void fill(SenseSession s, SessionInput input) {
        List<FieldError> errors = new ArrayList<>();
        Proposals.text(errors, "title", input.title(), 200);
        if (input.heldOn() == null) {
            errors.add(new FieldError("heldOn", "is required: the date of the session (yyyy-mm-dd)"));
        } else if (Dates.outOfRange(input.heldOn()) != null) {
            errors.add(new FieldError("heldOn", Dates.outOfRange(input.heldOn())));
        }
        if (input.online() == null) {
            errors.add(new FieldError("online", "is required: true for an online session"));
        }
        if (input.place() != null && input.place().strip().length() > 200) {
            errors.add(new FieldError("place", "must be at most 200 characters"));
        }
        if (Boolean.FALSE.equals(input.online()) && Texts.isBlank(input.place())) {
            errors.add(new FieldError("place", "is required for a session that is not online"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        s.title = input.title().strip();
        s.heldOn = input.heldOn();
        s.place = Texts.isBlank(input.place()) ? null : input.place().strip();
        s.online = input.online();
    }

    private SessionView view(SenseSession s) {
        if (em.isJoinedToTransaction()) {
            em.flush();
        }
        StoryPoint point = StoryPoint.findById(s.storyPointId);
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<SessionTable> sessionTables = SessionTable.listFor(s.id);
        List<TableView> tableViews = tables.views(sessionTables, definition);
        List<Proposals.NoteView> notes =
                SessionNote.listForTables(sessionTables.stream().map(t -> t.id).toList()).stream()
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
