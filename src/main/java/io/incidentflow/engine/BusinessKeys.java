package io.incidentflow.engine;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Human-readable ids from database sequences, e.g. {@code INC-000123}; they are the business keys. */
@Component
public class BusinessKeys {

    private final JdbcTemplate jdbc;
    private final EntityManagerFactory entityManagerFactory;

    public BusinessKeys(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
    }

    public String next(String sequence, String prefix) {
        String sql = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString(sequence);
        Long value = jdbc.queryForObject(sql, Long.class);
        return String.format("%s-%06d", prefix, value);
    }
}
