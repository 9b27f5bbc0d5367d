package io.incidentflow.ingest;

import io.incidentflow.common.Coded;
import java.util.Map;

/**
 * One event from monitoring, whatever its format, as the ingestion applies it.
 *
 * @param format         {@code alertmanager} or {@code pagerduty}
 * @param action         what it does to the open alert with its dedup key
 * @param dedupKey       Alertmanager groupKey (hashed when longer than 255) or PagerDuty dedup_key
 * @param idempotencyKey same value for a retried delivery of the same content (null: none)
 * @param summary        one line: the incident's title
 * @param details        more lines: the incident's description and the timeline entry
 * @param severity       the severity as sent (mapped by {@link SeverityMapping})
 * @param labels         labels / custom details that may name service, impact, urgency, category
 * @param caller         who reports it (the source, e.g. Alertmanager receiver or PagerDuty source)
 * @param payload        the request body as received
 */
public record MonitoringEvent(String format, Action action, String dedupKey, String idempotencyKey, String summary,
                              String details, String severity, Map<String, String> labels, String caller,
                              String payload) {

    public enum Action implements Coded {
        TRIGGER, ACKNOWLEDGE, RESOLVE
    }
}
