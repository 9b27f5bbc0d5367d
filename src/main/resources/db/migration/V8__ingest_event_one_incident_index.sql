-- H2 gives a foreign key an index of its own when the table is created, so ingest_event.incident_id was
-- indexed twice on H2. Every index is one more page that each monitoring event rewrites, at a random place in
-- the file, and under an alert storm those pages are most of what H2 writes. No query looks up events by
-- incident: on H2 the foreign key keeps its own index, and on PostgreSQL, which adds none, the key needs none
-- as incidents are never deleted.
drop index ingest_event_incident_idx;
