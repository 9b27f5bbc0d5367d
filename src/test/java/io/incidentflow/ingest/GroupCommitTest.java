package io.incidentflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.incidentflow.IncidentFlowTest;
import io.incidentflow.engine.EngineClock;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.ingest.IngestClient.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Units from many threads share a commit; a unit that fails fails alone. */
@IncidentFlowTest
class GroupCommitTest {

    private static final int UNITS = 20;

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired DataSource dataSource;

    private final ExecutorService senders = Executors.newFixedThreadPool(UNITS + 1);
    private GroupCommit commit;
    private Key key;

    @BeforeEach
    void setUp() {
        commit = new GroupCommit(new TransactionTemplate(transactionManager), 64, "group-commit-test");
        key = new IngestClient(http, jdbc, incidents).integration("email");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        senders.shutdownNow();
        commit.stop();
        // These alerts have no first trigger: left behind, the opener's sweep would retry them for ever and
        // IngestClient.pagerduty, which waits until no alert waits for its incident, would wait in later tests.
        jdbc.update("delete from open_alert where integration_id = ?", key.id());
    }

    @Test
    void unitsQueuedWhileTheWriterIsBusyShareOneTransaction() throws Exception {
        Set<Object> transactions = ConcurrentHashMap.newKeySet();
        List<Future<String>> answers = runBehindABusyWriter(i -> () -> {
            transactions.add(TransactionSynchronizationManager.getResource(dataSource));
            insertAlert("shared-" + i);
            return "stored " + i;
        });

        for (int i = 0; i < UNITS; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored " + i);
        }
        assertThat(transactions).as("connections (transactions) the units ran in").hasSize(1);
        assertThat(alerts("shared-%")).isEqualTo(UNITS);
    }

    @Test
    void aUnitThatFailsInASharedTransactionFailsAloneAndTheOthersAreStored() throws Exception {
        insertAlert("taken");
        List<Future<String>> answers = runBehindABusyWriter(i -> () -> {
            insertAlert(i == 7 ? "taken" : "alone-" + i);
            return "stored " + i;
        });

        for (int i = 0; i < UNITS; i++) {
            Future<String> answer = answers.get(i);
            if (i == 7) {
                assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(DataIntegrityViolationException.class);
            } else {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("stored " + i);
            }
        }
        assertThat(alerts("alone-%")).isEqualTo(UNITS - 1);
    }

    /** Holds the writer in a first unit until all the others are queued, so they are taken as one batch. */
    private List<Future<String>> runBehindABusyWriter(IntFunction<Supplier<String>> units)
            throws InterruptedException {
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch writerBusy = new CountDownLatch(1);
        senders.submit(() -> commit.run(() -> {
            writerBusy.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> queued.getCount() == 0);
            return null;
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            Supplier<String> unit = units.apply(i);
            answers.add(senders.submit(() -> commit.run(unit)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commit.waiting() == UNITS);
        queued.countDown();
        return answers;
    }

    private void insertAlert(String dedupKey) {
        jdbc.update("insert into open_alert (integration_id, dedup_key, opened_at) values (?, ?, ?)", key.id(),
                dedupKey, IntegrationRepository.offset(EngineClock.now()));
    }

    private int alerts(String pattern) {
        return jdbc.queryForObject("select count(*) from open_alert where integration_id = ? and dedup_key like ?",
                Integer.class, key.id(), pattern);
    }
}
