package io.incidentflow.ingest;

import io.incidentflow.engine.EngineClock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes monitoring events (rows of {@code ingest_event} with their raw payloads) received longer ago
 * than {@code incidentflow.ingest.payload-retention}; what each event did stays on its incident's timeline.
 * <p>
 * Deletes in batches, each its own short transaction, so a large backlog neither holds locks long nor
 * blocks ingestion. Every node runs it: the deletes are idempotent, so two nodes pruning at once only
 * find fewer rows (PostgreSQL skips rows the other one deleted after waiting for its lock).
 */
@Component
@EnableScheduling
public class PayloadPruner {

    private static final Logger log = LoggerFactory.getLogger(PayloadPruner.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IngestProperties properties;

    public PayloadPruner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IngestProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${incidentflow.ingest.prune-interval}",
            fixedDelayString = "${incidentflow.ingest.prune-interval}")
    void scheduled() {
        try {
            int deleted = prune(EngineClock.now(), properties.pruneBatchSize());
            if (deleted > 0) {
                log.info("Pruned {} monitoring events older than {}", deleted, properties.payloadRetention());
            }
        } catch (RuntimeException e) {
            // The next run continues where this one stopped.
            log.warn("Pruning monitoring events failed: {}", e.toString());
        }
    }

    /**
     * Deletes the events received before {@code now} minus the retention.
     *
     * @return how many this call deleted
     */
    public int prune(Instant now, int batchSize) {
        Instant cutoff = now.minus(properties.payloadRetention());
        // The batch size is an int from the configuration, not input: it can stand in the statement.
        String delete = "delete from ingest_event where id in (select id from ingest_event where received_at < ?"
                + " order by id fetch first " + batchSize + " rows only)";
        int total = 0;
        int deleted;
        do {
            deleted = transaction.execute(status -> jdbc.update(delete, IntegrationRepository.offset(cutoff)));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
