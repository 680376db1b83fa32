package nl.vertelpunt.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import nl.vertelpunt.evaluation.EvaluationRequest;
import nl.vertelpunt.evaluation.EvaluationRun;
import nl.vertelpunt.story.StoryFilter;
import nl.vertelpunt.web.JobWakeups;

/**
 * Makes the runs of scheduled evaluations. Every replica ticks; for each schedule a tick claims the current period
 * (in Dutch time) with {@code INSERT ... ON CONFLICT DO NOTHING} on {@code evaluation_schedule_run}, whose key is
 * (schedule, period), and only the tick whose insert went in queues an evaluation run, in the same transaction. A
 * second tick, on this replica or another, at the same time or later, finds the period taken and does nothing: one run
 * per schedule per period. The run then goes through the normal queue ({@code EvaluationWorker}).
 */
@ApplicationScoped
public class ScheduleTicker {

    private final EntityManager em;
    private final ObjectMapper mapper;
    /** The clock of the scheduled ticks; tests call {@link #tick(Instant)} with a time of their own. */
    private final Clock clock = Clock.systemUTC();

    ScheduleTicker(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    @Scheduled(
            identity = "evaluation-schedules",
            every = "${vertelpunt.schedules.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int made = tick(clock.instant());
            if (made > 0) {
                Log.infof("Scheduled evaluations: %d run(s) queued", made);
            }
        } catch (RuntimeException e) {
            // the database may be down; the next tick tries again (no message: it could quote a row)
            Log.warnf(
                    "Scheduled evaluations could not be checked: %s",
                    e.getClass().getSimpleName());
        }
    }

    /** Queues the run of every schedule whose period at {@code now} has none yet; returns how many it queued. */
    public int tick(Instant now) {
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> EvaluationSchedule.<EvaluationSchedule>listAll().stream()
                        .map(s -> s.id)
                        .toList());
        int made = 0;
        for (UUID id : ids) {
            if (QuarkusTransaction.requiringNew().call(() -> claim(id, now))) {
                made++;
            }
        }
        return made;
    }

    /** In one transaction: claims the schedule's current period and, when the claim went in, queues its run. */
    private boolean claim(UUID scheduleId, Instant now) {
        EvaluationSchedule schedule = EvaluationSchedule.findById(scheduleId);
        if (schedule == null) {
            return false; // removed since the list was read
        }
        MonitorService.Period unit = MonitorService.Period.of(schedule.every);
        LocalDate period = unit.startOf(now.atZone(StoryFilter.ZONE).toLocalDate());
        UUID runId = UUID.randomUUID();
        int claimed = em.createNativeQuery(
                        "INSERT INTO evaluation_schedule_run (schedule_id, period, run_id, created_at) "
                                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (schedule_id, period) DO NOTHING")
                .setParameter(1, schedule.id)
                .setParameter(2, period)
                .setParameter(3, runId)
                .setParameter(4, now)
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        EvaluationRun run = new EvaluationRun();
        run.id = runId;
        run.storyPointId = schedule.storyPointId;
        run.status = EvaluationRun.QUEUED;
        run.progress = 0;
        run.request = request(schedule, unit, period);
        run.requestedBy = schedule.createdBy;
        run.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        run.persist();
        JobWakeups.notify(em, JobWakeups.EVALUATIONS);
        return true;
    }

    /** The schedule's request; for "last-period" with the period before {@code period} as its dates. */
    private String request(EvaluationSchedule schedule, MonitorService.Period unit, LocalDate period) {
        try {
            EvaluationRequest stored = mapper.readValue(schedule.request, EvaluationRequest.class);
            if (schedule.covers.equals("last-period")) {
                LocalDate from = unit.previous(period);
                StoryFilter dates = StoryFilter.period(from, unit.end(from));
                StoryFilter filter =
                        stored.filter() == null ? dates : stored.filter().and(dates);
                stored = EvaluationRequest.of(stored.storyPoint(), filter, stored.settings(), stored.subset());
            }
            return mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
