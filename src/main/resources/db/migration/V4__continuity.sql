-- Service continuity (Tier 3). Portable between H2 and PostgreSQL.

-- What the post-DR review and the DR readiness check write back to the catalog (business impact analysis).
alter table business_service add column dr_plan_updated date;
alter table business_service add column lessons_learned varchar(4000);
alter table business_service add column dr_test_planned date;

-- Ids of continuity invocations started directly (not for an incident), e.g. DR-000001: the business key.
create sequence continuity_seq start with 1;
