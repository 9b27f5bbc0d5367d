package io.incidentflow.catalog;

import io.incidentflow.common.Coded;

/** The disaster-recovery arrangement of a service: how ready its recovery site is. */
public enum ContinuityTier implements Coded {
    HOT, WARM, COLD, REBUILD
}
