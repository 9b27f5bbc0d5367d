package io.incidentflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentflow.IncidentFlowTest;
import io.incidentflow.incident.process.IncidentVariables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The timeline's event types are one closed list: the models shipped use only its codes, the API describes it. */
@IncidentFlowTest
class TimelineEventTypeTest {

    @Autowired TestRestTemplate anonymous;

    @Test
    void everyTimelineEventTheModelsRecordIsAType() throws IOException {
        List<String> recorded = timelineEventsOfTheModels();

        assertThat(recorded).as("timelineEvent inputs in processes/*.bpmn").isNotEmpty();
        assertThat(recorded).allSatisfy(code -> assertThat(TimelineEventType.valueOf(code)).isNotNull());
    }

    @Test
    void apiDescribesTheTimelineTypeAsTheListOfTypes() {
        JsonNode api = anonymous.getForObject("/api-docs", JsonNode.class);

        JsonNode type = api.at("/components/schemas/IncidentEvent/properties/type");
        assertThat(type.at("/enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(TimelineEventType.values()).map(Enum::name).toList());
    }

    private static List<String> timelineEventsOfTheModels() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            return models.filter(model -> model.toString().endsWith(".bpmn"))
                    .flatMap(model -> Bpmn.readModelFromFile(model.toFile())
                            .getModelElementsByType(CamundaInputParameter.class).stream())
                    .filter(input -> IncidentVariables.TIMELINE_EVENT.name().equals(input.getCamundaName()))
                    .map(CamundaInputParameter::getTextContent)
                    .toList();
        }
    }
}
