package io.incidentflow.ingest;

import io.incidentflow.common.FieldProblem;
import java.util.List;

/** The event names a catalog service its integration key may not act on; nothing of it is stored. */
public class ServiceNotAllowedException extends InvalidEventException {

    ServiceNotAllowedException(String field, String serviceId, String keyName) {
        super(List.of(new FieldProblem(field, "names service '" + serviceId + "', which is not allowed for this "
                + keyName + " (camunda-admin lists the services of a key: PUT /api/integrations/{id}/scope)")));
    }
}
