/**
 * The one door to Camunda: ProcessAdapter starts and correlates processes by business key, ProcessVariable declares
 * typed variables, EngineClock and CurrentActor wrap the engine's clock and authenticated user. Depends on no
 * other package of the application; features reach the engine only through it.
 */
package io.incidentflow.engine;
