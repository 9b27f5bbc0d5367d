/**
 * Housekeeping of the database the application runs on (compaction of the default H2 file). Depends on no other
 * package of the application and knows no feature's tables.
 */
package io.incidentflow.database;
