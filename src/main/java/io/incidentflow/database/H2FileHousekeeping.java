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
 * Brings the default H2 file database down to its data once the application stops writing.
 * <p>
 * H2 never overwrites its file in place: each write appends a chunk with the pages it changed, and the chunks those
 * pages replaced become partly empty. While the application writes, H2's background writer and {@link Durability}
 * rewrite the emptiest chunks so their space is reused, in small steps, because each step holds H2's store lock and
 * every commit waits for it. Neither makes the file smaller. This does, once the application has written nothing for
 * a whole interval: it rewrites until the chunks are {@link #TARGET_FILL_RATE} % live, moves them together and cuts
 * the end of the file. Other databases and in-memory H2 are left alone.
 */
@Component
public class H2FileHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(H2FileHousekeeping.class);

    /** H2's own target for live data in the chunks it rewrites (its default auto-compact fill rate). */
    static final int TARGET_FILL_RATE = 90;
    /** Bytes rewritten per step: nothing else waits for the store lock when the application is idle. */
    static final int BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Longest the run after the application stopped writing keeps rewriting: it is the last until the next write. */
    static final Duration TIME_PER_RUN = Duration.ofSeconds(30);
    private static final int MISSES_PER_RUN = 3;

    private final DataSource dataSource;
    /**
     * The file's write count when the last run ended: unchanged at the next run means nothing was written since, by
     * the application or by H2's background writer (which stops rewriting chunks once it gets no further).
     */
    private long writesAfterLastRun = -1;
    /** Whether the file was shrunk since the application last wrote: then an idle run has nothing left to do. */
    private boolean shrunkSinceLastWrite;

    public H2FileHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${incidentflow.h2.housekeeping-interval}",
            fixedDelayString = "${incidentflow.h2.housekeeping-interval}")
    public void compact() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store != null) {
                FileStore<?> file = store.getFileStore();
                boolean idle = file.getWriteCount() == writesAfterLastRun;
                if (!idle) {
                    shrunkSinceLastWrite = false;
                } else if (!shrunkSinceLastWrite) {
                    // Once is enough: rewriting again would only turn the last run's own chunks into garbage.
                    long before = file.size();
                    compact(store, TIME_PER_RUN);
                    shrink(store);
                    shrunkSinceLastWrite = true;
                    log.debug("H2 idle, chunks fill rate {}%, file {} -> {} bytes", file.getChunksFillRate(), before,
                            file.size());
                }
                writesAfterLastRun = file.getWriteCount();
            }
        }
    }

    /**
     * Moves chunks into the free space before them and cuts the file's end: rewriting chunks frees space inside
     * the file for later chunks, but only this makes the file smaller. It holds H2's store lock throughout.
     */
    static void shrink(MVStore store) {
        if (store.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < TARGET_FILL_RATE) {
            file.compactMoveChunks(TARGET_FILL_RATE, Long.MAX_VALUE, store);
        }
    }

    /**
     * Rewrites the emptiest chunks until the live data fills {@link #TARGET_FILL_RATE} % of them, nothing is left to
     * rewrite or time is up. A step may also find the store lock taken by H2's background writer: only a few misses
     * in a row end the run.
     */
    static void compact(MVStore store, Duration time) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        int misses = 0;
        while (!store.isClosed() && misses < MISSES_PER_RUN && System.nanoTime() < deadline) {
            if (store.compact(TARGET_FILL_RATE, BYTES_PER_STEP)) {
                store.commit();
                misses = 0;
            } else {
                misses++;
                Thread.sleep(50);
            }
        }
    }

    /** The store of an H2 database kept in a file, or null for any other database. */
    public static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent()) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }
}
