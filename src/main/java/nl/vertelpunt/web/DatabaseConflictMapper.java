package nl.vertelpunt.web;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A unique key or other database constraint violated by two requests at once: 409, to be tried again. */
public class DatabaseConflictMapper {

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        return ProblemMapper.response(
                409,
                "Conflict",
                "This was changed at the same moment by another request; please try again.",
                List.of());
    }
}
