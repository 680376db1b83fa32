package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/**
 * Improvement proposals for facilitators: recording one (e.g. from notes on paper), rewording and publishing
 * it, and following up what was decided and done.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    /** A facilitator's edit of a proposal: its texts and whether it shows on the public page. */
    public record ProposalEdit(
            String title, String action, String goal, String owner, Boolean published, List<Long> notes) {}

    /** A status with a short note on what was decided or done. */
    public record UpdateInput(String status, String note) {}

    private final SessionAccess sessions;
    private final Access access;
    private final Proposals proposals;

    ProposalService(SessionAccess sessions, Access access, Proposals proposals) {
        this.sessions = sessions;
        this.access = access;
        this.proposals = proposals;
    }

    /** A proposal made by the facilitator, e.g. from notes on paper, at a table or for the whole session. */
    public Proposals.ProposalView propose(UUID sessionId, UUID tableId, Proposals.ProposalInput input) {
        SenseSession s = sessions.session(sessionId);
        if (tableId != null) {
            SessionAccess.table(s, tableId);
        }
        return proposals.create(s.id, tableId, input, notes(s));
    }

    /** Rewords a proposal, regroups its notes, or shows or hides it on the public page. */
    public Proposals.ProposalView edit(UUID id, ProposalEdit edit) {
        Proposal p = sessions.proposal(id);
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
        Proposal p = sessions.proposal(id);
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

    /** Deletes a proposal; its notes stay. */
    public void delete(UUID id) {
        sessions.proposal(id).delete();
    }

    /** The notes of a session's tables: any of them can be clustered into a proposal of the session. */
    private static Map<Long, SessionNote> notes(SenseSession s) {
        return Proposals.notes(
                SessionTable.listFor(s.id).stream().map(t -> t.id).toList());
    }
}
