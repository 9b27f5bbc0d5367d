package io.incidentflow.major;

import io.incidentflow.common.Coded;

/** Who a stakeholder update is written for; each gets its own wording. */
public enum Audience implements Coded {
    TECHNICAL_STAFF,
    BUSINESS,
    KEY_CUSTOMERS,
    /** What the public status page shows. */
    IMPACTED_USERS
}
