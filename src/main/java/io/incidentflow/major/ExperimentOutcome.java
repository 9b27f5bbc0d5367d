package io.incidentflow.major;

import io.incidentflow.common.Coded;

/** What an experiment showed about its hypothesis. */
public enum ExperimentOutcome implements Coded {
    CONFIRMED, REFUTED, INCONCLUSIVE
}
