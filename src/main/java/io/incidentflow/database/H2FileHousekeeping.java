package io.incidentflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the default H2 file database from growing with every commit.
 * <p>
 * {@code WRITE_DELAY=0} (every commit is on disk before it returns, see {@code application.yaml}) also turns off
 * H2's background writer, and that writer is what rewrites half-empty chunks of the file so their space can be
 * reused. Without it every commit appends a new chunk while the old ones stay partly live for ever: about 1 MB
 * per incident. This runs the same compaction on a schedule. Other databases and in-memory H2 are left alone.
 */
@Component
public class H2FileHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);

    /** H2's own target for live data in the chunks it rewrites (its default auto-compact fill rate). */
    static final int TARGET_FILL_RATE = 90;
    /**
     * Bytes rewritten per step. Each step holds H2's store lock and commits wait for it (100-200 ms under an alert
     * storm). Steps of 256 KB cut that wait, but a step gets the lock only if it is free within 10 ms, so under load
     * they rewrote less and the file grew about four times as fast (docs/performance.md, "Tried and dropped").
     */
    static final int BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Longest one run keeps rewriting while the application writes; what is left is done in the next run. */
    static final Duration TIME_PER_RUN = Duration.ofSeconds(2);
    /** Longest the one run after the application stopped writing keeps rewriting: it is the last until the next write. */
    static final Duration IDLE_TIME_PER_RUN = Duration.ofSeconds(30);

    private final DataSource dataSource;
    /** The file's write count when the last run ended: unchanged at the next run means nothing was written since. */
    private long writesAfterLastRun = -1;
    /** Whether the file was shrunk since the application last wrote: then an idle run has nothing left to do. */
    private boolean shrunkSinceLastWrite;

    public H2FileHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${incidentflow.h2.housekeeping-interval}",
            fixedDelayString = "${incidentflow.h2.housekeeping-interval}")
    public void compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store != null) {
                FileStore<?> file = store.getFileStore();
                boolean idle = file.getWriteCount() == writesAfterLastRun;
                if (idle && shrunkSinceLastWrite) {
                    // Rewriting again would only turn the last run's own chunks into garbage, every run, for ever.
                    return;
                }
                long before = file.size();
                compact(store, idle ? IDLE_TIME_PER_RUN : TIME_PER_RUN);
                if (idle) {
                    shrink(store);
                }
                shrunkSinceLastWrite = idle;
                writesAfterLastRun = file.getWriteCount();
                log.debug("H2 {}chunks fill rate {}%, file {} -> {} bytes", idle ? "idle, " : "",
                        file.getChunksFillRate(), before, file.size());
            }
        }
    }

    /**
     * Moves chunks into the free space before them and cuts the file's end: rewriting chunks frees space inside
     * the file for later chunks, but only this makes the file smaller. It holds H2's store lock throughout, so it
     * runs only when nothing was written since the last run.
     */
    static void shrink(MVStore store) {
        if (store.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < TARGET_FILL_RATE) {
            file.compactMoveChunks(TARGET_FILL_RATE, Long.MAX_VALUE, store);
        }
    }

    /** Rewrites the emptiest chunks until the live data fills {@link #TARGET_FILL_RATE} % of them or time is up. */
    static void compact(MVStore store, Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        while (!store.isClosed() && store.compact(TARGET_FILL_RATE, BYTES_PER_STEP) && System.nanoTime() < deadline) {
            store.commit();
        }
    }

    /** The store of an H2 database kept in a file, or null for any other database. */
    static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent()) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }
}
