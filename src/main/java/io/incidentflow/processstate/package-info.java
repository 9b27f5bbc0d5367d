/**
 * Guards the engine REST API and Tasklist forms: which variables a person may set in a process state, form
 * validation, task permissions. Sits above the features whose variables it knows; nothing depends on it.
 */
package io.incidentflow.processstate;
