package io.incidentflow.incident;

import io.incidentflow.common.Coded;

/** Technical category of an incident. */
public enum Category implements Coded {
    HARDWARE, SOFTWARE, NETWORK, ACCESS, SECURITY, OTHER
}
