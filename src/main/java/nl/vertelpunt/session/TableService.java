package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.card.Card;
import nl.vertelpunt.card.CardDocuments;
import nl.vertelpunt.card.render.CardDocument;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.storypoint.definition.StoryPointDefinition;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Tokens;

/**
 * A session table through its link, without an account: reading its cards and stories, adding notes,
 * and clustering notes into improvement proposals. An unknown link is 404, an expired one 410.
 */
@ApplicationScoped
@Transactional
public class TableService {

    /** A story at the table: the whole text (it was chosen for this table and is free of open flags). */
    public record TableStory(String id, String role, String title, String text) {}

    /** Everything a table works with. */
    public record TableView(
            String storyPoint,
            String storyPointTitle,
            String session,
            LocalDate heldOn,
            String place,
            boolean online,
            String table,
            Instant expiresAt,
            List<CardDocument> cards,
            List<TableStory> stories,
            List<Proposals.NoteView> notes,
            List<Proposals.ProposalView> proposals) {}

    /** Moving a note into a proposal's cluster ({@code proposalId}), or out of it (null). */
    public record NoteMove(UUID proposalId) {}

    private final CardDocuments documents;
    private final StoryPointService storyPoints;
    private final Proposals proposals;
    private final EntityManager em;

    TableService(CardDocuments documents, StoryPointService storyPoints, Proposals proposals, EntityManager em) {
        this.documents = documents;
        this.storyPoints = storyPoints;
        this.proposals = proposals;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public TableView view(String token) {
        SessionTable t = table(token);
        SenseSession s = SenseSession.findById(t.sessionId);
        StoryPoint point = StoryPoint.findById(s.storyPointId);
        StoryPointDefinition definition = storyPoints.current(point.slug).definition();
        List<CardDocument> cards = cards(t).stream().map(documents::document).toList();
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT s.id, s.role, s.title, s.text FROM session_table_story ts "
                                + "JOIN story s ON s.pk = ts.story_pk WHERE ts.table_id = ?1 AND NOT s.hidden AND NOT s.flagged ORDER BY ts.position")
                .setParameter(1, t.id)
                .getResultList();
        List<TableStory> stories = rows.stream()
                .map(r -> new TableStory(
                        (String) r[0], CardDocuments.roleLabel(definition, (String) r[1]), (String) r[2], (String)
                                r[3]))
                .toList();
        List<Proposals.NoteView> notes = SessionNote.listForTables(List.of(t.id)).stream()
                .map(Proposals::view)
                .toList();
        return new TableView(
                point.slug,
                definition.title().in("nl"),
                s.title,
                s.heldOn,
                s.place,
                s.online,
                t.name,
                t.tokenExpiresAt,
                cards,
                stories,
                notes,
                Proposals.views(Proposal.list("tableId = ?1 order by createdAt, id", t.id), false));
    }

    /** One card of the table, for its chart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CardDocument card(String token, UUID cardId) {
        SessionTable t = table(token);
        return cards(t).stream()
                .filter(c -> c.id.equals(cardId))
                .findFirst()
                .map(documents::document)
                .orElseThrow(() -> ProblemException.notFound("This table has no card " + cardId + "."));
    }

    public Proposals.NoteView addNote(String token, Proposals.NoteInput input) {
        SessionTable t = table(token);
        Set<UUID> cards = new HashSet<>();
        cards(t).forEach(c -> cards.add(c.id));
        Proposals.checkNote(input, cards);
        return proposals.addNote(t.id, input);
    }

    public Proposals.NoteView moveNote(String token, long noteId, NoteMove move) {
        SessionTable t = table(token);
        SessionNote note = note(t, noteId);
        if (move == null) {
            throw ProblemException.malformed("body", "a JSON object with proposalId (or null) is expected");
        }
        Set<UUID> own = new HashSet<>();
        Proposal.<Proposal>list("tableId", t.id).forEach(p -> own.add(p.id));
        return proposals.move(note, move.proposalId(), own);
    }

    public void deleteNote(String token, long noteId) {
        note(table(token), noteId).delete();
    }

    public Proposals.ProposalView propose(String token, Proposals.ProposalInput input) {
        SessionTable t = table(token);
        return proposals.create(t.sessionId, t.id, input, Proposals.notes(List.of(t.id)));
    }

    public Proposals.ProposalView editProposal(String token, UUID proposalId, Proposals.ProposalInput input) {
        SessionTable t = table(token);
        Proposal p = Proposal.findById(proposalId);
        if (p == null || !t.id.equals(p.tableId)) {
            throw ProblemException.notFound("This table has no proposal " + proposalId + ".");
        }
        return proposals.edit(p, input, Proposals.notes(List.of(t.id)));
    }

    private static SessionNote note(SessionTable t, long noteId) {
        SessionNote note = SessionNote.findById(noteId);
        if (note == null || !note.tableId.equals(t.id)) {
            throw ProblemException.notFound("This table has no note " + noteId + ".");
        }
        return note;
    }

    @SuppressWarnings("unchecked")
    private List<Card> cards(SessionTable t) {
        List<UUID> ids = em.createNativeQuery(
                        "SELECT card_id FROM session_table_card WHERE table_id = ?1 ORDER BY position")
                .setParameter(1, t.id)
                .getResultList();
        List<Card> out = new ArrayList<>();
        ids.forEach(id -> out.add(Card.findById(id)));
        return out;
    }

    private static SessionTable table(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw ProblemException.notFound("This table link does not exist.");
        }
        SessionTable t = SessionTable.byTokenHash(Tokens.sha256(token))
                .orElseThrow(() -> ProblemException.notFound("This table link does not exist."));
        if (!t.tokenExpiresAt.isAfter(Instant.now())) {
            throw new ProblemException(
                    410, "Link expired", "This table link has expired. Ask the facilitator for a new one.");
        }
        return t;
    }
}
