package io.incidentflow.continuity;

import static io.incidentflow.continuity.ContinuityVariables.*;

import io.incidentflow.engine.ProcessAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Invokes service continuity directly, by starting {@code service-continuity.bpmn} with its id as business key. */
@Component
public class ContinuityProcess {

    private final ProcessAdapter engine;
    private final ContinuityService continuity;

    public ContinuityProcess(ProcessAdapter engine, ContinuityService continuity) {
        this.engine = engine;
        this.continuity = continuity;
    }

    /** @return the invocation id, e.g. DR-000001 */
    @Transactional
    public String invoke(NewInvocation request) {
        // the first step checks this too; checking before taking an id leaves no gap for refused input
        continuity.requireServices(request.serviceIds());
        String id = continuity.nextId();
        Map<String, Object> variables = new HashMap<>();
        SERVICE_IDS.putInto(variables, new ArrayList<>(request.serviceIds()));
        INVOCATION_REASON.putInto(variables, request.reason());
        engine.start(ContinuityModel.PROCESS_KEY, id, variables);
        return id;
    }
}
