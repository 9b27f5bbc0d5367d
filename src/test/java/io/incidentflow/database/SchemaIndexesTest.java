package io.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The schema as the migrations build it on H2, the default database. H2 indexes every foreign key by itself unless
 * an index on its columns exists when the key is made, so an index written after the table can be a second copy.
 * Each copy is written with every row, for nothing.
 */
class SchemaIndexesTest {

    @Test
    void noTableIsIndexedTwiceOnTheSameColumnsExceptTheMajorIncidentsExperiments() throws Exception {
        String url = "jdbc:h2:mem:schema-indexes;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

        List<String> twice = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = connection.createStatement().executeQuery("""
                     select table_name, columns, count(*) from (
                         select i.table_name, i.index_name,
                                listagg(c.column_name, ', ') within group (order by c.ordinal_position) columns
                         from information_schema.indexes i
                         join information_schema.index_columns c on c.table_schema = i.table_schema
                             and c.table_name = i.table_name and c.index_name = i.index_name
                         where i.table_schema = 'PUBLIC'
                         group by i.table_name, i.index_name)
                     group by table_name, columns having count(*) > 1
                     order by table_name""")) {
            while (rs.next()) {
                twice.add(rs.getString(1) + " (" + rs.getString(2) + ") x" + rs.getInt(3));
            }
        }

        // major_experiment's own index is the only one on PostgreSQL, where experiments are read by incident;
        // it holds a few rows per major incident, so the copy on H2 costs nothing worth a vendor-specific script.
        assertThat(twice).containsExactly("MAJOR_EXPERIMENT (INCIDENT_ID) x2");
    }
}
