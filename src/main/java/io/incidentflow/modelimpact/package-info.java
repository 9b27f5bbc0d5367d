/**
 * Impact of a candidate model before deployment: model gate problems, running instances in removed activities and
 * decision results that would change. Depends on modelgate; read only.
 */
package io.incidentflow.modelimpact;
