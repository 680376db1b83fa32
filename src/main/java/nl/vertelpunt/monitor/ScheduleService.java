package nl.vertelpunt.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.evaluation.EvaluationRequest;
import nl.vertelpunt.evaluation.EvaluationService;
import nl.vertelpunt.storypoint.StoryPoint;
import nl.vertelpunt.storypoint.StoryPointService;
import nl.vertelpunt.user.Access;
import nl.vertelpunt.user.StaffRole;
import nl.vertelpunt.web.FieldError;
import nl.vertelpunt.web.ProblemException;

/** Scheduled pattern evaluations of a story point: made, listed and removed by analysts; run by {@link ScheduleTicker}. */
@ApplicationScoped
@Transactional
public class ScheduleService {

    /**
     * A schedule: {@code interval} "quarter" (default) or "month"; {@code covers} "last-period" (default: each run
     * evaluates the stories of the quarter or month before the one it is made in) or "all" (the filter as given);
     * {@code evaluation} the evaluation request (filter, settings, subset) without the story point, which the address
     * names.
     */
    public record ScheduleRequest(String interval, String covers, EvaluationRequest evaluation) {}

    /** A run a schedule made: the period it was made in, and the run's id and status (none once the run is gone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduledRun(String period, LocalDate start, UUID runId, String status) {}

    /** A schedule as the API shows it, with its runs, newest first. */
    public record ScheduleView(
            UUID id,
            String storyPoint,
            String interval,
            String covers,
            JsonNode evaluation,
            String createdBy,
            Instant createdAt,
            List<ScheduledRun> runs) {}

    private final StoryPointService storyPoints;
    private final EvaluationService evaluations;
    private final Access access;
    private final ObjectMapper mapper;

    ScheduleService(StoryPointService storyPoints, EvaluationService evaluations, Access access, ObjectMapper mapper) {
        this.storyPoints = storyPoints;
        this.evaluations = evaluations;
        this.access = access;
        this.mapper = mapper;
    }

    /** Checks the request against the story point and stores the schedule; its first run comes with the next tick. */
    public ScheduleView create(String slug, ScheduleRequest request) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        if (request == null) {
            throw ProblemException.malformed("body", "a JSON object with interval and evaluation is expected");
        }
        String interval = request.interval() == null ? "quarter" : request.interval();
        String covers = request.covers() == null ? "last-period" : request.covers();
        EvaluationRequest asked =
                request.evaluation() == null ? EvaluationRequest.of(slug, null, null, null) : request.evaluation();
        List<FieldError> errors = new ArrayList<>();
        if (!interval.equals("quarter") && !interval.equals("month")) {
            errors.add(new FieldError("interval", "must be quarter or month"));
        }
        if (!covers.equals("last-period") && !covers.equals("all")) {
            errors.add(new FieldError("covers", "must be last-period or all"));
        }
        if (asked.storyPoint() != null && !asked.storyPoint().equals(slug)) {
            errors.add(new FieldError("evaluation.storyPoint", "must be left out: the address names the story point"));
        }
        if (covers.equals("last-period") && asked.filter() != null) {
            if (asked.filter().from() != null) {
                errors.add(new FieldError("evaluation.filter.from", "is set by the schedule: each run its own period"));
            }
            if (asked.filter().to() != null) {
                errors.add(new FieldError("evaluation.filter.to", "is set by the schedule: each run its own period"));
            }
        }
        EvaluationRequest normalized = null;
        try {
            normalized = evaluations.checked(
                    EvaluationRequest.of(slug, asked.filter(), asked.settings(), asked.subset()), point, "evaluation.");
        } catch (ProblemException e) {
            if (e.status() != 422) {
                throw e;
            }
            errors.addAll(e.errors()); // one answer lists every problem
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        EvaluationSchedule schedule = new EvaluationSchedule();
        schedule.id = UUID.randomUUID();
        schedule.storyPointId = point.id;
        schedule.every = interval;
        schedule.covers = covers;
        schedule.request = json(normalized);
        schedule.createdBy = access.staff().username();
        schedule.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        schedule.persist();
        return view(schedule, slug);
    }

    /** The schedules of a story point, oldest first (analysts and facilitators). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleView> list(String slug) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST, StaffRole.FACILITATOR);
        return EvaluationSchedule.listFor(point.id).stream()
                .map(s -> view(s, slug))
                .toList();
    }

    /** Removes a schedule; the runs it made stay. */
    public void delete(String slug, UUID id) {
        StoryPoint point = storyPoints.find(slug);
        access.require(point, StaffRole.ANALYST);
        EvaluationSchedule schedule = EvaluationSchedule.findById(id);
        if (schedule == null || schedule.storyPointId != point.id) {
            throw ProblemException.notFound("There is no schedule " + id + " at story point '" + slug + "'.");
        }
        schedule.delete();
    }

    private ScheduleView view(EvaluationSchedule schedule, String slug) {
        MonitorService.Period unit = MonitorService.Period.of(schedule.every);
        List<ScheduledRun> runs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = EvaluationSchedule.getEntityManager()
                .createNativeQuery("SELECT r.period, r.run_id, e.status FROM evaluation_schedule_run r "
                        + "LEFT JOIN evaluation_run e ON e.id = r.run_id WHERE r.schedule_id = ?1 "
                        + "ORDER BY r.period DESC LIMIT 24")
                .setParameter(1, schedule.id)
                .getResultList();
        for (Object[] row : rows) {
            LocalDate start = row[0] instanceof Date d ? d.toLocalDate() : (LocalDate) row[0];
            runs.add(new ScheduledRun(unit.label(start), start, (UUID) row[1], (String) row[2]));
        }
        try {
            return new ScheduleView(
                    schedule.id,
                    slug,
                    schedule.every,
                    schedule.covers,
                    mapper.readTree(schedule.request),
                    schedule.createdBy,
                    schedule.createdAt,
                    runs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
