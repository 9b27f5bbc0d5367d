package io.incidentflow.modelimpact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer of an impact check: per decision of a DMN file, or per process of a BPMN file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelImpact(String file, List<DecisionImpact.Report> decisions, List<ProcessImpact.Report> processes) {
}
