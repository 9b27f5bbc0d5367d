package io.incidentflow.modelimpact;

import io.incidentflow.security.Roles;
import io.incidentflow.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "What a changed model would do, before it is deployed")
public class ModelImpactController {

    private final ModelImpactService impact;

    public ModelImpactController(ModelImpactService impact) {
        this.impact = impact;
    }

    @PostMapping(path = "/impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.Has.PROCESS_OWNERS + " or " + Roles.Has.CAMUNDA_ADMIN)
    @Operation(summary = "Impact of a changed model before it is deployed (process owners, camunda-admin)",
            description = "Multipart form field 'file': the changed .dmn or .bpmn as saved by Camunda Modeler. The file "
                    + "passes the model gate first (400 with its problems otherwise); nothing is deployed. "
                    + "DMN: the new table is evaluated on the inputs of the last N decisions of the same key from "
                    + "history and the answer counts the outcomes that would change, from what to what, with examples. "
                    + "BPMN: running instances whose current activities the new version no longer has, and a migration "
                    + "plan for the others in the body format of POST /engine-rest/migration/execute.")
    public ModelImpact impact(
            @Parameter(description = "The changed model (.dmn or .bpmn)") @RequestPart(name = "file", required = false) MultipartFile file,
            @Parameter(description = "DMN: how many of the latest decisions to evaluate again (1.."
                    + ModelImpactService.MAX_LAST + ")") @RequestParam(defaultValue = "1000") int last,
            @Parameter(description = "DMN: the decision to compare (default: each decision of the file no other decision in it requires)")
            @RequestParam(required = false) String decision) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required: the changed .dmn or .bpmn as the multipart form field 'file'");
        }
        return impact.of(file.getOriginalFilename(), file.getBytes(), last, decision);
    }
}
