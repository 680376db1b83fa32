package nl.vertelpunt.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.ProblemException;

/**
 * What a facilitator works on, found by id: a session, one of its tables, a proposal. 404 when there is none,
 * and only for a facilitator of the session's story point.
 */
@ApplicationScoped
class SessionAccess {

    private final Access access;

    SessionAccess(Access access) {
        this.access = access;
    }

    /** The session, for a facilitator of its story point. */
    SenseSession session(UUID id) {
        SenseSession s = SenseSession.<SenseSession>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no session " + id + "."));
        access.require(StoryPoint.findById(s.storyPointId), StaffRole.FACILITATOR);
        return s;
    }

    /** A table of this session. */
    static SessionTable table(SenseSession s, UUID tableId) {
        SessionTable t = SessionTable.findById(tableId);
        if (t == null || !t.sessionId.equals(s.id)) {
            throw ProblemException.notFound("Session " + s.id + " has no table " + tableId + ".");
        }
        return t;
    }

    /** The proposal, for a facilitator of its session's story point. */
    Proposal proposal(UUID id) {
        Proposal p = Proposal.<Proposal>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("There is no proposal " + id + "."));
        session(p.sessionId);
        return p;
    }
}
