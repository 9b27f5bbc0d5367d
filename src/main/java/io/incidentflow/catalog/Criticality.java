package io.incidentflow.catalog;

import io.incidentflow.common.Coded;

/** How much the business depends on a service (business impact analysis). */
public enum Criticality implements Coded {
    MISSION_CRITICAL, SUPPORTING, INTERNAL
}
