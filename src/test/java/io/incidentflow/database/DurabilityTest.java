package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash of the JVM leaves is what is in the file: a copy of the file taken while the database is open is
 * opened as if after the crash.
 */
class DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void aCommitIsInTheFileOnceFlushedAndNotBefore() throws Exception {
        // a minute of write delay: nothing reaches the file by itself while the test runs
        JdbcDataSource dataSource = fileDatabase("app", ";WRITE_DELAY=60000");
        Durability durability = new Durability(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table answered(id int primary key)");
            durability.flush();
            statement.execute("insert into answered values (1)");

            assertThat(rowsAfterCrash("app", "before")).as("committed, not flushed").isZero();

            durability.flush();

            assertThat(rowsAfterCrash("app", "after")).as("committed and flushed").isEqualTo(1);
        }
    }

    @Test
    void aCallerWhoseCommitsAWriteThatBeganAfterThemHoldsDoesNotWriteAgain() throws Exception {
        JdbcDataSource dataSource = fileDatabase("burst", ";WRITE_DELAY=60000");
        Durability durability = new Durability(dataSource);
        try (Connection answered = dataSource.getConnection(); Connection later = dataSource.getConnection();
             Statement statement = answered.createStatement()) {
            statement.execute("create table answered(id int primary key)");
            statement.execute("insert into answered values (1)");
            MVStore store = H2FileHousekeeping.fileStore(answered);
            Thread waiting;
            long writesAfterFirstFlush;
            durability.flushing.lock(); // a flush is under way
            try {
                waiting = new Thread(durability::flush); // the caller of the commit above, waiting for it
                waiting.start();
                while (!durability.flushing.hasQueuedThread(waiting)) {
                    Thread.sleep(1);
                }
                durability.flush(); // the flush under way writes the commit
                writesAfterFirstFlush = store.getFileStore().getWriteCount();
                // changes of another transaction that nobody waits for yet
                later.setAutoCommit(false);
                later.createStatement().execute("insert into answered values (2)");
            } finally {
                durability.flushing.unlock();
            }
            waiting.join(10_000);

            assertThat(waiting.isAlive()).isFalse();
            assertThat(store.getFileStore().getWriteCount()).as("writes after the waiting caller")
                    .isEqualTo(writesAfterFirstFlush);
            assertThat(rowsAfterCrash("burst", "burst-copy")).isEqualTo(1);
            later.rollback();
        }
    }

    @Test
    void flushesKeepTheFileFromGrowingWithEveryRoundOfChurn() throws Exception {
        // Only the flushes compact here: H2's background writer neither writes nor compacts in this test.
        JdbcDataSource dataSource = fileDatabase("churn", ";WRITE_DELAY=60000;RETENTION_TIME=0;AUTO_COMPACT_FILL_RATE=0");
        // a step with every flush: the test's flushes come far faster than the application's
        long size = fileSizeAfterChurn(dataSource, new Durability(dataSource, Duration.ZERO));

        // Without the compaction steps the file grows by the same amount every round, to 20 MB after six.
        assertThat(size).isLessThan(4L * 1024 * 1024);
    }

    @Test
    void withTheDefaultOptionsTheSameChurnTakesAboutHalfTheFileItTakesUncompressed() throws Exception {
        String defaults = DefaultDatabaseUrl.h2Options();
        JdbcDataSource compressed = fileDatabase("compressed", defaults);
        JdbcDataSource plain = fileDatabase("plain", defaults.replace(";COMPRESS=TRUE", ""));

        long compressedSize = fileSizeAfterChurn(compressed, new Durability(compressed));
        long plainSize = fileSizeAfterChurn(plain, new Durability(plain));

        // 0.46-0.47 in two runs; timing moves both files, so the bound leaves room
        assertThat(compressedSize).isLessThan(plainSize * 2 / 3);
    }

    /** The size of the file after six rounds of churn, each incident answered (flushed) on its own, as the app would. */
    private static long fileSizeAfterChurn(JdbcDataSource dataSource, Durability durability) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Churn.createTable(connection);
            for (int round = 0; round < 6; round++) {
                Churn.round(connection, round, 1_000, durability::flush);
            }
            return H2FileHousekeeping.fileStore(connection).getFileStore().size();
        }
    }

    private JdbcDataSource fileDatabase(String name, String options) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve(name) + options);
        dataSource.setUser("sa");
        return dataSource;
    }

    private int rowsAfterCrash(String database, String name) throws Exception {
        Path copy = dir.resolve(name + ".mv.db");
        Files.copy(dir.resolve(database + ".mv.db"), copy);
        try (Connection crashed = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name), "sa", "");
             Statement statement = crashed.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "select count(*) from information_schema.tables where table_name = 'ANSWERED'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("the table created and flushed before").isEqualTo(1);
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from answered")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
