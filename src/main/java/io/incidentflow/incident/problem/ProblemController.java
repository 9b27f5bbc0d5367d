package io.incidentflow.incident.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/problems")
@Tag(name = "Problem records", description = "Follow-ups opened by workarounds")
public class ProblemController {

    private final ProblemService problems;

    public ProblemController(ProblemService problems) {
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "Problem records, optionally only OPEN or FIXED ones")
    public List<ProblemRecord> list(@RequestParam(required = false) ProblemRecord.State state) {
        return problems.list(state);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One problem record")
    public ProblemRecord one(@PathVariable String id) {
        return problems.get(id);
    }
}
