package io.incidentflow.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Table {@code ingest_integration}.
 * <p>
 * Active integrations found by key are kept for {@link #KEY_CACHE_TIME}: every monitoring event names its key, and
 * in an alert storm reading the integration again for each event was a query per event. A change made through this
 * repository (revoke, scope) applies on this node at once; another node sees it within that time.
 */
@Repository
public class IntegrationRepository {

    static final Duration KEY_CACHE_TIME = Duration.ofSeconds(5);

    private static final String COLUMNS =
            "id, name, service_id, key_hint, created_by, created_at, revoked_at, rate_limit_per_minute";

    private record Cached(Integration integration, long readAtNanos) {
        boolean fresh() {
            return System.nanoTime() - readAtNanos < KEY_CACHE_TIME.toNanos();
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Cached> activeByKeyHash = new ConcurrentHashMap<>();

    public IntegrationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String serviceId, String keySha256, String keyHint, String createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var statement = con.prepareStatement("insert into ingest_integration (name, service_id, key_sha256, key_hint,"
                    + " created_by, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, name);
            statement.setString(2, serviceId);
            statement.setString(3, keySha256);
            statement.setString(4, keyHint);
            statement.setString(5, createdBy);
            statement.setObject(6, offset(now));
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Replaces the further services the key may act on and its own rate limit (null: the default). */
    public void changeScope(long id, Collection<String> otherServiceIds, Integer rateLimitPerMinute) {
        jdbc.update("update ingest_integration set rate_limit_per_minute = ? where id = ?", rateLimitPerMinute, id);
        jdbc.update("delete from ingest_integration_service where integration_id = ?", id);
        jdbc.batchUpdate("insert into ingest_integration_service (integration_id, service_id) values (?, ?)",
                otherServiceIds.stream().map(serviceId -> new Object[] {id, serviceId}).toList());
        forget(id);
    }

    /** The services besides its own that the integration may act on, sorted. */
    public List<String> otherServices(long id) {
        return jdbc.queryForList("select service_id from ingest_integration_service where integration_id = ?"
                + " order by service_id", String.class, id);
    }

    /** Whether the integration's events may act on the service: its own, or one camunda-admin allowed. */
    public boolean allows(Integration integration, String serviceId) {
        return integration.serviceId().equals(serviceId) || jdbc.queryForObject("select count(*) from"
                + " ingest_integration_service where integration_id = ? and service_id = ?", Integer.class,
                integration.id(), serviceId) > 0;
    }

    public Optional<Integration> findActiveByKeyHash(String keySha256) {
        Cached cached = activeByKeyHash.get(keySha256);
        if (cached != null && cached.fresh()) {
            return Optional.of(cached.integration());
        }
        long readAt = System.nanoTime();
        Optional<Integration> active = jdbc.query("select " + COLUMNS + " from ingest_integration where key_sha256 = ?"
                + " and revoked_at is null", IntegrationRepository::map, keySha256).stream().findFirst();
        active.ifPresentOrElse(integration -> activeByKeyHash.put(keySha256, new Cached(integration, readAt)),
                () -> activeByKeyHash.remove(keySha256));
        return active;
    }

    public Optional<Integration> find(long id) {
        return jdbc.query("select " + COLUMNS + " from ingest_integration where id = ?", IntegrationRepository::map, id)
                .stream().findFirst();
    }

    public List<Integration> all() {
        return jdbc.query("select " + COLUMNS + " from ingest_integration order by id", IntegrationRepository::map);
    }

    public boolean revoke(long id, Instant now) {
        boolean revoked = jdbc.update("update ingest_integration set revoked_at = ? where id = ? and revoked_at is null",
                offset(now), id) == 1;
        forget(id);
        return revoked;
    }

    private void forget(long id) {
        activeByKeyHash.values().removeIf(cached -> cached.integration().id() == id);
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integration map(ResultSet rs, int row) throws SQLException {
        return new Integration(rs.getLong("id"), rs.getString("name"), rs.getString("service_id"),
                rs.getString("key_hint"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "revoked_at"), rs.getObject("rate_limit_per_minute", Integer.class));
    }

}
