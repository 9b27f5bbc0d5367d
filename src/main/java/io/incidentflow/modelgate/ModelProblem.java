package io.incidentflow.modelgate;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * One reason the model gate refuses a deployment: the file, the element, the rule it breaks and how to
 * fix it. It is a Camunda {@link Problem}, so the engine REST API and Camunda Modeler show it like a
 * parse error, with the element id.
 */
public record ModelProblem(String resource, String elementId, Rule rule, String detail, String fix) implements Problem {

    /** The rules of the gate; the id is what a process owner sees and searches the guide for. */
    public enum Rule {
        RESOURCE_TYPE("resource-type"),
        NO_SCRIPT("no-script"),
        NO_JAVA_CLASS("no-java-class"),
        DELEGATE_BEAN("delegate-bean"),
        EXPRESSION("expression"),
        CONNECTOR("connector"),
        CALLED_PROCESS("called-process"),
        DECISION_REF("decision-ref"),
        FORM_REF("form-ref"),
        CANDIDATE_GROUP("candidate-group"),
        TIMER("timer"),
        HISTORY_TTL("history-ttl"),
        DIAGRAM_LAYOUT("diagram-layout"),
        UNREADABLE("unreadable");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    @Override
    public String getMessage() {
        return resource + (elementId == null ? "" : " " + elementId) + " [" + rule.id() + "]: " + detail
                + ". Fix: " + fix;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
