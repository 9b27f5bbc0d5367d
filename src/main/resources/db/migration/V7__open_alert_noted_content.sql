-- Repeats of an open alert that say nothing new are kept as events (ingest_event), not as timeline
-- entries: the alert remembers the SHA-256 of what its incident's timeline last said about it.
alter table open_alert add column noted_sha256 varchar(64);

-- PagerDuty triggers are answered once stored; an open_alert row without incident_id is an alert whose
-- incident is still to be opened (by the node that took the event, or by any node's sweep after a crash).
create index open_alert_opening_idx on open_alert (opened_at, incident_id);
