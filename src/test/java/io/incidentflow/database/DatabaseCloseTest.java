package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the default options H2 leaves closing the database to the app ({@code DB_CLOSE_ON_EXIT=FALSE}): it closes,
 * and makes its compacted copy, when the last connection of the pool is closed, the last step of a stop.
 */
class DatabaseCloseTest {

    @TempDir
    Path dir;

    @Test
    void closingTheConnectionPoolClosesTheDatabaseAndCompactsTheFile() throws Exception {
        Path file = dir.resolve("incidentflow.mv.db");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("incidentflow") + DefaultDatabaseUrl.h2Options());
        config.setUsername("sa");
        config.setMaximumPoolSize(3);
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection()) {
            Churn.createTable(connection);
            Durability durability = new Durability(pool);
            for (int round = 0; round < 3; round++) {
                Churn.round(connection, round, 300, durability::flush); // each incident answered on its own
            }
        }
        // the check below can fail: while the pool is open, the database holds the file's lock
        assertThatThrownBy(() -> openReadOnly(file)).isInstanceOf(MVStoreException.class)
                .hasMessageContaining("locked");
        long open = Files.size(file);

        pool.close();

        openReadOnly(file).close();
        assertThat(Files.size(file)).as("compacted copy after %d bytes open", open).isLessThan(open);
    }

    private static MVStore openReadOnly(Path file) {
        return new MVStore.Builder().fileName(file.toString()).readOnly().open();
    }
}
