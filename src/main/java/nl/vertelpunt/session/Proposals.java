package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;
import nl.vertelpunt.web.Texts;

/**
 * Notes and improvement proposals, shared by the table link and the facilitator: what they look like,
 * the rules for their fields, and clustering notes into a proposal.
 */
@ApplicationScoped
@Transactional
public class Proposals {

    /** A note as a table and the facilitator see it. */
    public record NoteView(
            long id, UUID tableId, UUID cardId, String kind, String text, UUID proposalId, Instant createdAt) {}

    /** A status change or a short report on a proposal. */
    public record UpdateView(String status, String note, String doneBy, Instant doneAt) {}

    /** A proposal with the notes clustered into it and its history. */
    public record ProposalView(
            UUID id,
            UUID tableId,
            String title,
            String action,
            String goal,
            String owner,
            String status,
            boolean published,
            List<Long> notes,
            List<UpdateView> updates,
            Instant createdAt,
            Instant updatedAt) {}

    /** A new note: its kind (surprise, worry, chance, other), its text, and the card it is about (or none). */
    public record NoteInput(String kind, String text, UUID cardId) {}

    /** A proposal as written at a table: a title, what we should do, so that what, who takes it forward, and its notes. */
    public record ProposalInput(String title, String action, String goal, String owner, List<Long> notes) {}

    /** Checks a new note's fields; {@code cards} are the cards the note may be about. */
    static void checkNote(NoteInput input, Set<UUID> cards) {
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with kind and text is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.kind() == null || !SessionNote.KINDS.contains(input.kind())) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", SessionNote.KINDS)));
        }
        text(errors, "text", input.text(), 2000);
        if (input.cardId() != null && !cards.contains(input.cardId())) {
            errors.add(new FieldError("cardId", "is not a card of this table"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Adds a note at a table. */
    NoteView addNote(UUID tableId, NoteInput input) {
        SessionNote note = new SessionNote();
        note.tableId = tableId;
        note.cardId = input.cardId();
        note.kind = input.kind();
        note.text = input.text().strip();
        note.createdAt = now();
        note.persist();
        return view(note);
    }

    /**
     * Makes a proposal from notes. {@code notes} are the notes that may be clustered into it (a table's
     * own, or any of the session for the facilitator).
     */
    ProposalView create(UUID sessionId, UUID tableId, ProposalInput input, Map<Long, SessionNote> notes) {
        check(input);
        List<SessionNote> clustered = clustered(input.notes(), notes);
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.sessionId = sessionId;
        p.tableId = tableId;
        fill(p, input);
        p.status = "proposed";
        p.published = false;
        p.createdAt = now();
        p.updatedAt = p.createdAt;
        p.persist();
        clustered.forEach(n -> n.proposalId = p.id);
        return view(p);
    }

    /** Rewrites a proposal's texts; when {@code input.notes} is given, those become its notes. */
    ProposalView edit(Proposal p, ProposalInput input, Map<Long, SessionNote> notes) {
        check(input);
        List<SessionNote> clustered = input.notes() == null ? null : clustered(input.notes(), notes);
        fill(p, input);
        p.updatedAt = now();
        if (clustered != null) {
            notes.values().stream().filter(n -> p.id.equals(n.proposalId)).forEach(n -> n.proposalId = null);
            clustered.forEach(n -> n.proposalId = p.id);
        }
        return view(p);
    }

    /** Moves a note into a proposal's cluster, or out of any with {@code null}. */
    NoteView move(SessionNote note, UUID proposalId, Set<UUID> proposals) {
        if (proposalId != null && !proposals.contains(proposalId)) {
            throw ProblemException.invalid("proposalId", "is not a proposal this note can go to");
        }
        note.proposalId = proposalId;
        return view(note);
    }

    /** The notes of these tables by id: the notes a proposal made for them may cluster. */
    static Map<Long, SessionNote> notes(List<UUID> tableIds) {
        Map<Long, SessionNote> out = new LinkedHashMap<>();
        SessionNote.listForTables(tableIds).forEach(n -> out.put(n.id, n));
        return out;
    }

    private static void check(ProposalInput input) {
        if (input == null) {
            throw ProblemException.malformed("body", "a JSON object with title, action, goal and owner is expected");
        }
        List<FieldError> errors = new ArrayList<>();
        text(errors, "title", input.title(), 200);
        text(errors, "action", input.action(), 2000);
        text(errors, "goal", input.goal(), 2000);
        text(errors, "owner", input.owner(), 200);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static List<SessionNote> clustered(List<Long> ids, Map<Long, SessionNote> notes) {
        List<SessionNote> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            SessionNote note = ids.get(i) == null ? null : notes.get(ids.get(i));
            if (note == null || !seen.add(note.id)) {
                throw ProblemException.invalid("notes[" + i + "]", "is not a note that can be clustered here");
            }
            out.add(note);
        }
        return out;
    }

    private static void fill(Proposal p, ProposalInput input) {
        p.title = input.title().strip();
        p.action = input.action().strip();
        p.goal = input.goal().strip();
        p.owner = input.owner().strip();
    }

    static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (Texts.isBlank(value)) {
            errors.add(new FieldError(field, "is required: it has no visible characters"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static NoteView view(SessionNote n) {
        return new NoteView(n.id, n.tableId, n.cardId, n.kind, n.text, n.proposalId, n.createdAt);
    }

    static ProposalView view(Proposal p) {
        return views(List.of(p)).get(0);
    }

    /** Proposals with their notes and updates, in the given order, with who made each update (for staff). */
    static List<ProposalView> views(List<Proposal> proposals) {
        return views(proposals, true);
    }

    /**
     * Proposals with their notes and updates, in the given order; {@code withStaff} false leaves out who made
     * each update, for the participants of a table, who see staff by role, not by account.
     */
    static List<ProposalView> views(List<Proposal> proposals, boolean withStaff) {
        List<UUID> ids = proposals.stream().map(p -> p.id).toList();
        Map<UUID, List<Long>> notes = new LinkedHashMap<>();
        Map<UUID, List<UpdateView>> updates = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            SessionNote.<SessionNote>list("proposalId in ?1 order by createdAt, id", ids)
                    .forEach(n -> notes.computeIfAbsent(n.proposalId, k -> new ArrayList<>())
                            .add(n.id));
            ProposalUpdate.listFor(ids)
                    .forEach(u -> updates.computeIfAbsent(u.proposalId, k -> new ArrayList<>())
                            .add(new UpdateView(u.status, u.note, withStaff ? u.doneBy : null, u.doneAt)));
        }
        return proposals.stream()
                .map(p -> new ProposalView(
                        p.id,
                        p.tableId,
                        p.title,
                        p.action,
                        p.goal,
                        p.owner,
                        p.status,
                        p.published,
                        notes.getOrDefault(p.id, List.of()),
                        updates.getOrDefault(p.id, List.of()),
                        p.createdAt,
                        p.updatedAt))
                .toList();
    }
}
