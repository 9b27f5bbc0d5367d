package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("churn") + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "")) {
            createTable(connection);
            MVStore store = H2FileHousekeeping.fileStore(connection);
            churn(connection, 0);
            H2FileHousekeeping.compact(store);
            long afterFirstRound = store.getFileStore().size();

            for (int round = 1; round < 4; round++) {
                churn(connection, round);
                H2FileHousekeeping.compact(store);
            }

            assertThat(store.getFileStore().size()).isLessThanOrEqualTo(2 * afterFirstRound);
        }
    }

    @Test
    void whenNothingIsWrittenTheFileShrinksToWhatIsLive() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("shrink") + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "")) {
            createTable(connection);
            MVStore store = H2FileHousekeeping.fileStore(connection);
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
            H2FileHousekeeping.compact(store);
            long rewritten = store.getFileStore().size();

            H2FileHousekeeping.shrink(store);

            // Rewriting frees space inside the file for later chunks; only moving the chunks together makes it smaller.
            assertThat(store.getFileStore().size()).isLessThan(rewritten / 2);
        }
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:housekeeping", "sa", "")) {
            assertThat(H2FileHousekeeping.fileStore(connection)).isNull();
        }
    }

    private static void createTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table event(id int primary key, incident int, text varchar(200))");
            statement.execute("create index event_incident on event(incident)");
        }
    }

    /** 200 incidents of five rows, one transaction each; every second one deletes an older incident's rows. */
    private static void churn(Connection connection, int round) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into event values(?, ?, ?)");
             PreparedStatement delete = connection.prepareStatement("delete from event where incident = ?")) {
            for (int incident = round * 200; incident < round * 200 + 200; incident++) {
                for (int row = 0; row < 5; row++) {
                    insert.setInt(1, incident * 5 + row);
                    insert.setInt(2, incident);
                    insert.setString(3, "timeline line " + row + " of incident " + incident);
                    insert.executeUpdate();
                }
                if (incident % 2 == 0) {
                    delete.setInt(1, incident / 2);
                    delete.executeUpdate();
                }
            }
        }
    }
}
