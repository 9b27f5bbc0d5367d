/**
 * The demo profile: demo users, groups and Tasklist filters, and their cleanup. Depends on security only; never
 * active outside the demo profile.
 */
package io.incidentflow.demo;
