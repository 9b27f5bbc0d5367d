package io.incidentflow.ingest;

import io.incidentflow.common.LogSafe;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opens the incidents of answered PagerDuty triggers: each right after its trigger committed, on an opener
 * thread of the node that took it, and every sweep interval what waited too long, on any node.
 * <p>
 * Repeats of the alert that commit after the opener linked the others are linked by the next sweep.
 * <p>
 * The queue in memory is only a shortcut: the alert row without incident is the durable record. When the queue
 * is full, or the node dies with it, the sweep opens those alerts; two nodes opening one alert wait for each
 * other's row lock, and the second finds the incident there.
 */
@Component
class AlertOpener {

    private static final Logger log = LoggerFactory.getLogger(AlertOpener.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int SWEEP_BATCH = 500;

    private final IngestionService ingestion;
    private final IngestProperties properties;
    private final ThreadPoolExecutor openers;

    AlertOpener(IngestionService ingestion, IngestProperties properties) {
        this.ingestion = ingestion;
        this.properties = properties;
        int threads = properties.opening().threads();
        AtomicInteger number = new AtomicInteger();
        this.openers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "alert-opener-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @TransactionalEventListener
    void queued(IngestionService.AlertQueued alert) {
        openers.execute(() -> open(alert));
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${incidentflow.ingest.opening.sweep-interval}")
    void sweep() {
        for (IngestionService.AlertQueued alert : ingestion.waitingLongerThan(properties.opening().sweepAfter(), SWEEP_BATCH)) {
            open(alert);
        }
        try {
            ingestion.linkLateRepeats();
        } catch (RuntimeException e) {
            log.warn("Linking repeats to their incident failed; the next sweep tries again: {}", LogSafe.text(e));
        }
    }

    private void open(IngestionService.AlertQueued alert) {
        try {
            ingestion.openQueued(alert.integrationId(), alert.dedupKey());
        } catch (RuntimeException e) {
            // The alert stays waiting: the next sweep tries again.
            log.warn("Opening the incident of alert {} of integration {} failed; the sweep tries again: {}",
                    LogSafe.text(alert.dedupKey()), alert.integrationId(), LogSafe.text(e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        openers.shutdown();
        openers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
