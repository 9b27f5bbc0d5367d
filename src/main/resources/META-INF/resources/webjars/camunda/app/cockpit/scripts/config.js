// IncidentFlow's Cockpit configuration. It replaces the webjar's config.js of the same path (whose settings are
// all commented out) and adds one plugin: the history of process instances for auditors, which Cockpit CE does
// not show. The plugin is a plain ES module next to this file; see README "Auditors in Cockpit".
export default {
  customScripts: ['scripts/incidentflow-history.js']
};
