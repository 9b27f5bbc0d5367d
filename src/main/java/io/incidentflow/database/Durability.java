package io.incidentflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes every commit made so far to the file before something that cannot be taken back: an answer to a request
 * ({@link DurableAnswerFilter}) or a message sent.
 * <p>
 * The default H2 file database writes commits in the background ({@code WRITE_DELAY}, see {@code application.yaml}),
 * so the commits nobody waits for, such as the job executor's steps and alert openings, share one chunk of the file
 * instead of appending one each. A crash loses at most the last of those, and the engine then runs them again;
 * what was answered or sent was made durable here first. Commits are written in order, so making one durable makes
 * every earlier one durable too. Other databases are durable at each commit: there this does nothing.
 */
@Component
public class Durability {

    /**
     * How often a flush also rewrites a step of the emptiest chunks, and how much. The flushes are what the file
     * grows with, so reclaiming in them keeps pace with the writes; H2's background writer gets the store lock too
     * rarely under load to keep up by itself. Small steps: the flusher, and whoever waits for the next flush, waits
     * for the step.
     */
    static final Duration COMPACTION_INTERVAL = Duration.ofMillis(100);
    static final int BYTES_PER_STEP = 512 * 1024;

    private final DataSource dataSource;
    private final long compactionIntervalNanos;
    final ReentrantLock flushing = new ReentrantLock();
    private volatile Optional<MVStore> fileStore;
    private long lastCompaction = System.nanoTime();
    /** The version of the last write by a flush: every commit made before that write began is in the file. */
    private volatile long writtenVersion = -1;

    @Autowired
    public Durability(DataSource dataSource) {
        this(dataSource, COMPACTION_INTERVAL);
    }

    Durability(DataSource dataSource, Duration compactionInterval) {
        this.dataSource = dataSource;
        this.compactionIntervalNanos = compactionInterval.toNanos();
    }

    /**
     * Returns once every transaction committed before the call is in the file. One flush at a time writes what
     * every caller waiting for it committed: a caller whose commits a write that began after them already holds
     * returns without writing again, so a burst of answers costs one write, not one each.
     */
    public void flush() {
        Optional<MVStore> file = fileStore();
        if (file.isEmpty()) {
            return;
        }
        MVStore store = file.get();
        // H2 numbers each write with the version it closes: a write that begins after this read closes a later one
        long needed = store.getCurrentVersion() + 1;
        if (writtenVersion >= needed) {
            return;
        }
        flushing.lock();
        try {
            if (writtenVersion < needed) {
                long written = store.commit();
                if (written < 0) {
                    // Nothing was left to write, but the write that took it may still be under way: H2's background
                    // writer hands its writes to a thread of H2's and does not wait for them.
                    written = store.getCurrentVersion();
                    store.executeFilestoreOperation(() -> { });
                }
                writtenVersion = written;
                compactStep(store);
            }
        } finally {
            flushing.unlock();
        }
    }

    private void compactStep(MVStore store) {
        long now = System.nanoTime();
        if (now - lastCompaction >= compactionIntervalNanos) {
            lastCompaction = now;
            store.compact(H2FileHousekeeping.TARGET_FILL_RATE, BYTES_PER_STEP);
        }
    }

    private Optional<MVStore> fileStore() {
        Optional<MVStore> store = fileStore;
        if (store == null) {
            try (Connection connection = dataSource.getConnection()) {
                store = Optional.ofNullable(H2FileHousekeeping.fileStore(connection));
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Cannot reach the database to write its commits", e);
            }
            fileStore = store;
        }
        return store;
    }
}
