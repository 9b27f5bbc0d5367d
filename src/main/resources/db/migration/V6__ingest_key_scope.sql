-- Integration keys are bound to services and rate limited; raw payloads are pruned after a retention.

-- Services a key may act on besides its own (ingest_integration.service_id), set by camunda-admin.
-- Keys without rows here act on their own service only.
create table ingest_integration_service (
    integration_id  bigint       not null references ingest_integration (id),
    service_id      varchar(64)  not null references business_service (id),
    primary key (integration_id, service_id)
);

-- Events per minute this key may send; null: incidentflow.ingest.rate-limit.events-per-minute.
alter table ingest_integration add column rate_limit_per_minute integer;

-- The pruner deletes events received before the retention cut-off, oldest first.
create index ingest_event_received_idx on ingest_event (received_at);
