package io.incidentflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
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
    /** Bytes rewritten per step: each step holds H2's store lock, so commits wait at most for one step. */
    static final int BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Longest one run keeps rewriting; what is left is done in the next run. */
    static final Duration TIME_PER_RUN = Duration.ofSeconds(2);

    private final DataSource dataSource;

    public H2FileHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(initialDelayString = "${incidentflow.h2.housekeeping-interval}",
            fixedDelayString = "${incidentflow.h2.housekeeping-interval}")
    public void compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store != null) {
                int before = store.getFileStore().getChunksFillRate();
                compact(store);
                log.debug("H2 chunks fill rate {}% -> {}%, file {} bytes", before,
                        store.getFileStore().getChunksFillRate(), store.getFileStore().size());
            }
        }
    }

    /** Rewrites the emptiest chunks until the live data fills {@link #TARGET_FILL_RATE} % of them or time is up. */
    static void compact(MVStore store) {
        long deadline = System.nanoTime() + TIME_PER_RUN.toNanos();
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
