package io.incidentflow.incident.problem;

import io.incidentflow.common.TimelineEventType;
import static io.incidentflow.incident.problem.ProblemVariables.*;

import io.incidentflow.common.NotFoundException;
import io.incidentflow.engine.BusinessKeys;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.engine.ProcessAdapter;
import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentProperties;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.notify.NotificationContent;
import io.incidentflow.notify.delivery.NotificationService;
import io.incidentflow.notify.delivery.Recipients;
import io.incidentflow.common.NotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Problem records opened by workarounds, each followed up by its own process until fixed. */
@Service
@Transactional
public class ProblemService {

    private final ProblemRecordRepository problems;
    private final IncidentService incidents;
    private final BusinessKeys keys;
    private final ProcessAdapter engine;
    private final NotificationService notifications;
    private final IncidentProperties properties;

    public ProblemService(ProblemRecordRepository problems, IncidentService incidents, BusinessKeys keys,
                          ProcessAdapter engine, NotificationService notifications, IncidentProperties properties) {
        this.problems = problems;
        this.incidents = incidents;
        this.keys = keys;
        this.engine = engine;
        this.notifications = notifications;
        this.properties = properties;
    }

    public ProblemRecord openFor(String incidentId) {
        Incident incident = incidents.get(incidentId);
        ProblemRecord problem = problems.save(new ProblemRecord(keys.next("problem_seq", "PRB"), incidentId,
                incident.getTitle(), incident.getResolutionNotes(), incident.getResolverGroup(), EngineClock.now()));
        Map<String, Object> variables = new HashMap<>();
        PROBLEM_ID.putInto(variables, problem.getId());
        INCIDENT_ID.putInto(variables, incidentId);
        TITLE.putInto(variables, problem.getTitle());
        WORKAROUND.putInto(variables, problem.getWorkaround());
        RESOLVER_GROUP.putInto(variables, problem.getResolverGroup());
        REMINDER_CYCLE.putInto(variables, properties.problemReminderCycle());
        engine.start(PROCESS_KEY, problem.getId(), variables);
        incidents.note(incidentId, TimelineEventType.PROBLEM_OPENED, problem.getId() + " tracks the workaround until a permanent fix");
        return problem;
    }

    public void remind(String problemId) {
        ProblemRecord problem = get(problemId);
        notifications.send(problem.getIncidentId(), Recipients.leadOf(problem.getResolverGroup()),
                new NotificationContent.ProblemReminder(problem.getTitle(), problem.getId(),
                        Objects.toString(problem.getWorkaround(), "(not described)"), problem.getOpenedAt()));
    }

    public void recordFix(String problemId, String permanentFix, String changeReference) {
        ProblemRecord problem = get(problemId);
        problem.fix(permanentFix, changeReference, EngineClock.now());
        incidents.note(problem.getIncidentId(), TimelineEventType.PROBLEM_FIXED, problem.getId() + ": " + permanentFix);
    }

    @Transactional(readOnly = true)
    public ProblemRecord get(String problemId) {
        return problems.findById(problemId).orElseThrow(() -> new NotFoundException("problem record", problemId));
    }

    @Transactional(readOnly = true)
    public List<ProblemRecord> list(ProblemRecord.State state) {
        return state == null ? problems.findAllByOrderByOpenedAtAsc() : problems.findByStateOrderByOpenedAtAsc(state);
    }
}
