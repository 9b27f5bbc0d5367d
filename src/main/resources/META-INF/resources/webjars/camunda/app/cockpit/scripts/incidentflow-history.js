// IncidentFlow history plugin for Cockpit CE (frontend plugin API of Camunda 7.14+).
//
// Cockpit Community Edition shows running instances only. This module adds, read-only:
//  - a "Finished instances" tab on every process definition page (search by business key and start date);
//  - a "History" tab on every process instance page and a page #/history/process-instance/:id for finished ones:
//    path taken (the BPMN diagram with the activities done marked and counted, and as a table), activity log, variables as they ended, incidents, the calling and the
//    called instances (Tier 1 -> 2 -> 3, linked both ways) and the app's incident timeline.
//
// Every request is a GET with the caller's own Cockpit session: the engine API answers only what the user's
// Camunda authorizations let them read (READ_HISTORY), so a user without them sees nothing. The timeline comes
// from the app's /cockpit-api, which takes the same session (auditors, major incident managers, admins).
// Text from the engine is put into the page with textContent only, never as HTML.

const PAGE_SIZE = 50;

/** GET a JSON resource of the engine API as the logged-in user; rejects with the status on anything but 2xx. */
async function engineGet(api, path, params) {
  return getJson(api, `${api.engineApi}${path}${query(params)}`);
}

async function getJson(api, url) {
  const response = await fetch(url, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  });
  if (!response.ok) {
    const error = new Error(`${response.status} ${url}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function query(params) {
  const entries = Object.entries(params || {}).filter(([, value]) => value !== undefined && value !== null && value !== '');
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}

/** The app's own endpoints sit at the server root, next to the webapps' /camunda. */
function appUrl(path) {
  return window.location.pathname.replace(/\/camunda\/app\/.*$/, '') + path;
}

// --- DOM helpers ----------------------------------------------------------------------------------------------

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  });
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined) return;
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return element;
}

function table(cssClass, headers, rows) {
  return el('table', { class: `table table-striped table-condensed ${cssClass}` },
    el('thead', null, el('tr', null, headers.map(header => el('th', null, header)))),
    el('tbody', null, rows.map(cells => el('tr', null, cells.map(cell => el('td', null, cell === null ? '' : cell))))));
}

function message(cssClass, text) {
  return el('p', { class: `incidentflow-message ${cssClass}` }, text);
}

function historyLink(instance) {
  return el('a', { href: `#/history/process-instance/${encodeURIComponent(instance.id)}`, class: 'incidentflow-history-link' },
    instance.businessKey || instance.id);
}

/** Engine times (2026-11-25T09:12:03.456+0000, the server's zone) and the app's (…03.456Z): to the second, zone kept. */
function time(value) {
  return value ? value.replace('T', ' ').replace(/\.\d+/, ' ') : '';
}

function duration(millis) {
  if (millis === null || millis === undefined) return '';
  if (millis < 1000) return `${millis} ms`;
  let seconds = Math.round(millis / 1000);
  const parts = [];
  [['d', 86400], ['h', 3600], ['m', 60]].forEach(([unit, size]) => {
    if (seconds >= size) {
      parts.push(`${Math.floor(seconds / size)}${unit}`);
      seconds %= size;
    }
  });
  if (seconds || !parts.length) parts.push(`${seconds}s`);
  return parts.join(' ');
}

function failure(error) {
  if (error.status === 401) return 'Your Cockpit session has ended: log in again.';
  if (error.status === 403 || error.status === 404) return 'Nothing to show: not found, or your authorizations do not let you read it.';
  return `Could not load the history (${error.message}).`;
}

// --- Finished instances of a definition -------------------------------------------------------------------

function renderDefinitionHistory(node, api, processDefinitionId) {
  const businessKey = el('input', { type: 'text', class: 'form-control input-sm', name: 'businessKey', placeholder: 'e.g. INC-000123' });
  const startedAfter = el('input', { type: 'date', class: 'form-control input-sm', name: 'startedAfter' });
  const startedBefore = el('input', { type: 'date', class: 'form-control input-sm', name: 'startedBefore' });
  const results = el('div', { class: 'incidentflow-results' });
  const form = el('form', { class: 'form-inline incidentflow-search' },
    el('label', null, 'Business key ', businessKey), ' ',
    el('label', null, 'Started from ', startedAfter), ' ',
    el('label', null, 'to ', startedBefore), ' ',
    el('button', { type: 'submit', class: 'btn btn-default btn-sm' }, 'Search'),
    el('span', { class: 'help-inline' }, ' dates are whole days in UTC'));
  node.replaceChildren(el('div', { class: 'incidentflow-definition-history' }, form, results));

  async function search() {
    const params = {
      processDefinitionId, finished: true, sortBy: 'startTime', sortOrder: 'desc',
      processInstanceBusinessKeyLike: businessKey.value.trim() ? `%${businessKey.value.trim()}%` : null,
      startedAfter: startedAfter.value ? `${startedAfter.value}T00:00:00.000+0000` : null,
      startedBefore: startedBefore.value ? `${startedBefore.value}T23:59:59.999+0000` : null
    };
    results.replaceChildren(message('incidentflow-loading', 'Loading…'));
    try {
      const [instances, count] = await Promise.all([
        engineGet(api, '/history/process-instance', { ...params, firstResult: 0, maxResults: PAGE_SIZE }),
        engineGet(api, '/history/process-instance/count', params)]);
      const endActivities = await Promise.all(instances.map(instance => endActivity(api, instance.id)));
      results.replaceChildren(
        message('incidentflow-count', count.count > instances.length
          ? `${count.count} finished instances; the newest ${instances.length} are shown, narrow the search for the others.`
          : `${count.count} finished instance${count.count === 1 ? '' : 's'}.`),
        table('incidentflow-finished-instances', ['Business key', 'Start', 'End', 'Duration', 'End activity', 'State'],
          instances.map((instance, i) => [historyLink(instance), time(instance.startTime), time(instance.endTime),
            duration(instance.durationInMillis), endActivities[i], instance.state])));
    } catch (error) {
      results.replaceChildren(message('incidentflow-error', failure(error)));
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    search();
  });
  search();
}

/** The end event the instance finished in (the last activity to end when several ended in the same millisecond). */
async function endActivity(api, processInstanceId) {
  const last = await engineGet(api, '/history/activity-instance',
    { processInstanceId, finished: true, sortBy: 'endTime', sortOrder: 'desc', firstResult: 0, maxResults: 5 });
  const end = last.find(activity => /EndEvent$/.test(activity.activityType)) || last[0];
  return end ? (end.activityName || end.activityId) : '';
}

// --- One instance ------------------------------------------------------------------------------------------

const SECTIONS = [
  ['path', 'Path taken'],
  ['activities', 'Activity log'],
  ['variables', 'Variables'],
  ['incidents', 'Incidents'],
  ['called', 'Called instances'],
  ['timeline', 'Incident timeline']
];

async function renderInstanceHistory(node, api, processInstanceId) {
  node.replaceChildren(message('incidentflow-loading', 'Loading…'));
  try {
    const instance = await engineGet(api, `/history/process-instance/${encodeURIComponent(processInstanceId)}`);
    const body = el('div', { class: 'incidentflow-section' });
    // Both the path and the activity log read the activity history: fetched once per page, again only after a failure.
    let log = null;
    const activities = () => (log ||= activityLog(api, instance.id).catch(error => {
      log = null;
      throw error;
    }));
    const tabs = el('ul', { class: 'nav nav-tabs incidentflow-tabs' });
    const show = key => {
      tabs.querySelectorAll('li').forEach(li => li.classList.toggle('active', li.dataset.section === key));
      body.replaceChildren(message('incidentflow-loading', 'Loading…'));
      SECTION_RENDERERS[key](api, instance, activities)
        .then(content => body.replaceChildren(content))
        .catch(error => body.replaceChildren(message('incidentflow-error', failure(error))));
    };
    SECTIONS.forEach(([key, label]) => {
      const link = el('a', { href: '', class: `incidentflow-tab-${key}` }, label);
      link.addEventListener('click', event => {
        event.preventDefault();
        show(key);
      });
      const item = el('li', null, link);
      item.dataset.section = key;
      tabs.appendChild(item);
    });
    node.replaceChildren(el('div', { class: 'incidentflow-instance-history' }, await header(api, instance), tabs, body));
    show('activities');
  } catch (error) {
    node.replaceChildren(el('div', { class: 'incidentflow-instance-history' }, message('incidentflow-error', failure(error))));
  }
}

async function header(api, instance) {
  const definition = el('a', { href: `#/process-definition/${encodeURIComponent(instance.processDefinitionId)}/runtime` },
    `${instance.processDefinitionName || instance.processDefinitionKey} (version ${instance.processDefinitionVersion})`);
  const rows = [
    ['Process', definition],
    ['Business key', instance.businessKey || ''],
    ['State', instance.state],
    ['Started', time(instance.startTime)],
    ['Ended', time(instance.endTime)],
    ['Duration', duration(instance.durationInMillis)]
  ];
  if (instance.superProcessInstanceId) {
    const caller = await engineGet(api, `/history/process-instance/${encodeURIComponent(instance.superProcessInstanceId)}`)
      .catch(() => ({ id: instance.superProcessInstanceId }));
    rows.push(['Called by', historyLink(caller)]);
  }
  return el('dl', { class: 'dl-horizontal incidentflow-instance-header' },
    rows.map(([term, value]) => [el('dt', null, term), el('dd', null, value)]));
}

const SECTION_RENDERERS = {
  async path(api, instance, activities) {
    const counts = new Map();
    (await activities()).forEach(activity => {
      const entry = counts.get(activity.activityId) || { name: activity.activityName || activity.activityId, type: activity.activityType, done: 0, open: 0 };
      if (activity.endTime) entry.done += 1; else entry.open += 1;
      counts.set(activity.activityId, entry);
    });
    const diagram = el('div', { class: 'incidentflow-diagram' });
    drawPath(diagram, api, instance.processDefinitionId, counts)
      .catch(error => diagram.replaceChildren(message('incidentflow-error',
        error.status ? failure(error) : `The diagram could not be drawn (${error.message}); the table below has the path.`)));
    return el('div', null, diagram,
      table('incidentflow-path', ['Activity', 'Type', 'Completed', 'Still active'],
        [...counts.values()].map(entry => [entry.name, entry.type, String(entry.done), entry.open ? String(entry.open) : ''])));
  },

  async activities(api, instance, activities) {
    return table('incidentflow-activity-log', ['Activity', 'Type', 'Assignee', 'Start', 'End', 'Duration'],
      (await activities()).map(activity => [activity.activityName || activity.activityId, activity.activityType,
        activity.assignee || '', time(activity.startTime), time(activity.endTime), duration(activity.durationInMillis)]));
  },

  async variables(api, instance) {
    const variables = await engineGet(api, '/history/variable-instance',
      { processInstanceId: instance.id, deserializeValues: false, sortBy: 'variableName', sortOrder: 'asc' });
    return table('incidentflow-variables', ['Name', 'Type', 'Value', 'Scope'],
      variables.map(variable => [variable.name, variable.type, printable(variable),
        variable.activityInstanceId === instance.id ? 'process' : variable.activityInstanceId]));
  },

  async incidents(api, instance) {
    const incidents = await engineGet(api, '/history/incident', { processInstanceId: instance.id });
    if (!incidents.length) return message('incidentflow-none', 'No incidents.');
    return table('incidentflow-incidents', ['Type', 'Activity', 'Message', 'Created', 'Ended', 'State'],
      incidents.map(incident => [incident.incidentType, incident.activityId, incident.incidentMessage || '',
        time(incident.createTime), time(incident.endTime),
        incident.resolved ? 'resolved' : incident.deleted ? 'deleted' : 'open']));
  },

  async called(api, instance) {
    const called = await engineGet(api, '/history/process-instance',
      { superProcessInstanceId: instance.id, sortBy: 'startTime', sortOrder: 'asc' });
    if (!called.length) return message('incidentflow-none', 'This instance called no other process.');
    return table('incidentflow-called', ['Instance', 'Process', 'Start', 'End', 'State'],
      called.map(child => [historyLink(child), child.processDefinitionName || child.processDefinitionKey,
        time(child.startTime), time(child.endTime), child.state]));
  },

  async timeline(api, instance) {
    // Tier 2 and Tier 3 run under the incident's process: the timeline belongs to the root's business key.
    const root = instance.rootProcessInstanceId && instance.rootProcessInstanceId !== instance.id
      ? await engineGet(api, `/history/process-instance/${encodeURIComponent(instance.rootProcessInstanceId)}`)
      : instance;
    if (!root.businessKey) return message('incidentflow-none', 'This instance has no business key, so no incident timeline.');
    let events;
    try {
      events = await getJson(api, appUrl(`/cockpit-api/incidents/${encodeURIComponent(root.businessKey)}/timeline`));
    } catch (error) {
      if (error.status === 404) return message('incidentflow-none', `${root.businessKey} is not an incident: no timeline.`);
      if (error.status === 403) return message('incidentflow-error', 'Incident timelines are for auditors, major incident managers and administrators.');
      throw error;
    }
    return el('div', null, el('h4', null, `Timeline of ${root.businessKey}`),
      table('incidentflow-timeline', ['When', 'Event', 'By', 'Detail'],
        events.map(event => [time(event.occurredAt), event.type, event.actor || '', event.detail || ''])));
  }
};

function activityLog(api, processInstanceId) {
  return engineGet(api, '/history/activity-instance',
    { processInstanceId, sortBy: 'startTime', sortOrder: 'asc' });
}

// --- The diagram ------------------------------------------------------------------------------------------

// Cockpit does not hand its own bpmn-js to plugins, so the plugin ships the pinned NavigatedViewer next to itself
// (npm run cockpit-viewer; bpmn-js/LICENSE: its bpmn.io watermark stays visible). It and its styles are loaded on
// the first diagram only, so Cockpit's other pages load none of it.
let viewerLoading = null;

function loadViewer() {
  if (!viewerLoading) {
    ['bpmn-js/diagram-js.css', 'bpmn-js/bpmn-js.css', 'incidentflow-diagram.css'].forEach(href =>
      document.head.appendChild(el('link', { rel: 'stylesheet', href: new URL(href, import.meta.url).href })));
    // A UMD bundle: imported as a module it defines the global BpmnJS (there is no AMD loader in Cockpit).
    viewerLoading = import(new URL('bpmn-js/bpmn-navigated-viewer.production.min.js', import.meta.url).href)
      .then(() => {
        if (typeof globalThis.BpmnJS !== 'function') throw new Error('the bpmn-js viewer did not load');
        return globalThis.BpmnJS;
      })
      .catch(error => {
        viewerLoading = null;
        throw error;
      });
  }
  return viewerLoading;
}

/**
 * Draws the instance's process definition read-only and marks the path: activities completed (green, with how
 * often) and still active (blue). Sequence flows are not marked: the engine's history records activities, not the
 * flows taken between them.
 */
async function drawPath(container, api, processDefinitionId, counts) {
  const [Viewer, definition] = await Promise.all([loadViewer(),
    engineGet(api, `/process-definition/${encodeURIComponent(processDefinitionId)}/xml`)]);
  const viewer = new Viewer({ container });
  await viewer.importXML(definition.bpmn20Xml);
  const canvas = viewer.get('canvas');
  const shapes = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  counts.forEach((entry, activityId) => {
    // Some history entries have no shape of their own (a multi-instance body is "<activity>#multiInstanceBody").
    if (!shapes.get(activityId)) return;
    if (entry.done) {
      canvas.addMarker(activityId, 'if-done');
      overlays.add(activityId, 'if-count', {
        position: { bottom: 12, left: -8 },
        html: el('span', { class: 'if-done-count', title: `completed ${entry.done} time${entry.done === 1 ? '' : 's'}` }, String(entry.done))
      });
    }
    if (entry.open) canvas.addMarker(activityId, 'if-running');
  });
  fitWhenShown(container, canvas);
}

/** The tab is put on the page after it is drawn: fit the diagram once its container has a size, and on resizes. */
function fitWhenShown(container, canvas) {
  const observer = new ResizeObserver(() => {
    if (!container.isConnected) {
      observer.disconnect();
    } else if (container.clientWidth) {
      canvas.resized();
      canvas.zoom('fit-viewport', 'auto');
    }
  });
  observer.observe(container);
}

function printable(variable) {
  if (variable.value === null || variable.value === undefined) return variable.errorMessage || '';
  const text = typeof variable.value === 'string' ? variable.value : JSON.stringify(variable.value);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

// --- Plugins -----------------------------------------------------------------------------------------------

export default [
  {
    id: 'incidentflow.definitionHistory',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 5,
    render: (node, { api, processDefinitionId }) => renderDefinitionHistory(node, api, processDefinitionId),
    properties: { label: 'Finished instances' }
  },
  {
    id: 'incidentflow.instanceHistory',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    render: (node, { api, processInstanceId }) => renderInstanceHistory(node, api, processInstanceId),
    properties: { label: 'History' }
  },
  {
    id: 'incidentflow.instanceHistoryRoute',
    pluginPoint: 'cockpit.route',
    priority: 5,
    properties: { path: '/history/process-instance/:id', label: '/history' },
    render: (node, { api }) => {
      const match = /\/history\/process-instance\/([^/?]+)/.exec(window.location.hash);
      const container = el('div', { class: 'container-fluid incidentflow-history-page' },
        el('h2', null, 'Process instance history'), el('div'));
      node.replaceChildren(container);
      if (match) renderInstanceHistory(container.lastChild, api, decodeURIComponent(match[1]));
    }
  }
];
