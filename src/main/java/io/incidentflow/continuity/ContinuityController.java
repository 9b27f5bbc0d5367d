package io.incidentflow.continuity;

import io.incidentflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/continuity")
@Tag(name = "Service continuity", description = "Disaster recovery invocations (Tier 3)")
public class ContinuityController {

    private final ContinuityProcess process;

    public ContinuityController(ContinuityProcess process) {
        this.process = process;
    }

    /** @param invocationId the process business key: the invocation's instance in Cockpit and its Tasklist tasks */
    public record InvocationStarted(String invocationId, List<String> serviceIds) {
    }

    @PostMapping("/invocations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.Has.CONTINUITY_MANAGERS)
    @Operation(summary = "Invoke service continuity for affected services (continuity-managers)",
            description = "Starts service-continuity.bpmn; the invocation waits for approval by a continuity "
                    + "manager in Tasklist. Bad input is answered with 400 naming each field; nothing is started.")
    public InvocationStarted invoke(@Valid @RequestBody NewInvocation request) {
        String id = process.invoke(request);
        return new InvocationStarted(id, request.serviceIds());
    }
}
