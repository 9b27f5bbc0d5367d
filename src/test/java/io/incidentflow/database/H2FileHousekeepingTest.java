package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileHousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheFileFromGrowingWithEveryRoundOfChurn() throws Exception {
        // Without retention every replaced chunk may be rewritten at once; the application's 1 s would need a wait.
        // Without housekeeping this file grows by the same amount every round (4.4 times the first after four).
        try (Connection connection = openWithTable("churn")) {
            MVStore store = H2FileHousekeeping.fileStore(connection);
            Churn.round(connection, 0, 200, () -> { });
            H2FileHousekeeping.compact(store, H2FileHousekeeping.TIME_PER_RUN);
            long afterFirstRound = store.getFileStore().size();

            for (int round = 1; round < 4; round++) {
                Churn.round(connection, round, 200, () -> { });
                H2FileHousekeeping.compact(store, H2FileHousekeeping.TIME_PER_RUN);
            }

            assertThat(store.getFileStore().size()).isLessThanOrEqualTo(2 * afterFirstRound);
        }
    }

    @Test
    void whenNothingIsWrittenTheFileShrinksToWhatIsLive() throws Exception {
        try (Connection connection = openWithTable("shrink")) {
            MVStore store = H2FileHousekeeping.fileStore(connection);
            fillAndDeleteMost(connection);
            H2FileHousekeeping.compact(store, H2FileHousekeeping.TIME_PER_RUN);
            long rewritten = store.getFileStore().size();

            H2FileHousekeeping.shrink(store);

            // Rewriting frees space inside the file for later chunks; only moving the chunks together makes it smaller.
            assertThat(store.getFileStore().size()).isLessThan(rewritten / 2);
        }
    }

    @Test
    void anIdleFileIsShrunkOnceAndThenLeftAloneUntilTheNextWrite() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        // The application's retention: chunks a rewrite replaced stay in the file until a later write frees them.
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("idle") + ";WRITE_DELAY=0;RETENTION_TIME=1000");
        dataSource.setUser("sa");
        H2FileHousekeeping housekeeping = new H2FileHousekeeping(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            Churn.createTable(connection);
            MVStore store = H2FileHousekeeping.fileStore(connection);
            fillAndDeleteMost(connection);
            housekeeping.compact();
            housekeeping.compact();
            long writesAfterShrink = store.getFileStore().getWriteCount();

            housekeeping.compact();
            housekeeping.compact();

            assertThat(store.getFileStore().getWriteCount()).isEqualTo(writesAfterShrink);

            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from event where mod(id, 2) = 0");
            }
            long writesAfterDelete = store.getFileStore().getWriteCount();
            for (int run = 0; run < 3 && store.getFileStore().getWriteCount() == writesAfterDelete; run++) {
                Thread.sleep(1_100); // past the retention, so the pages the delete replaced count as garbage
                housekeeping.compact();
            }

            assertThat(store.getFileStore().getWriteCount()).isGreaterThan(writesAfterDelete);
        }
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:housekeeping", "sa", "")) {
            assertThat(H2FileHousekeeping.fileStore(connection)).isNull();
        }
    }

    /** A file database without retention: every replaced chunk may be rewritten at once. */
    private Connection openWithTable(String name) throws Exception {
        Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "");
        Churn.createTable(connection);
        return connection;
    }

    /** 20,000 rows of 200 incidents, of which the first 180 incidents are deleted again. */
    private static void fillAndDeleteMost(Connection connection) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into event values(?, ?, ?)")) {
            for (int row = 0; row < 20_000; row++) {
                insert.setInt(1, row);
                insert.setInt(2, row / 100);
                insert.setString(3, "x".repeat(190));
                insert.executeUpdate();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from event where incident < 180");
        }
    }
}
