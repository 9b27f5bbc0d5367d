package io.incidentflow.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Incidents written to and deleted from a table shaped like a timeline, as the database tests' load. */
final class Churn {

    private Churn() {
    }

    static void createTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table event(id int primary key, incident int, text varchar(200))");
            statement.execute("create index event_incident on event(incident)");
        }
    }

    /**
     * One round: {@code incidents} incidents of five rows, one transaction per row; every second one deletes an older
     * incident's rows. {@code afterEach} runs after each incident.
     */
    static void round(Connection connection, int round, int incidents, Runnable afterEach) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into event values(?, ?, ?)");
             PreparedStatement delete = connection.prepareStatement("delete from event where incident = ?")) {
            for (int incident = round * incidents; incident < (round + 1) * incidents; incident++) {
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
                afterEach.run();
            }
        }
    }
}
