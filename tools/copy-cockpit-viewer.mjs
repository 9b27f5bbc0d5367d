// Copies the pinned bpmn-js NavigatedViewer (minified, with its license header) and its stylesheets into the
// Cockpit plugin's scripts folder, where the history page loads them on demand. The copies are committed so the
// Maven build needs no npm; CockpitViewerCopyTest fails when they are not the version package.json pins.
//
//   npm ci && npm run cockpit-viewer
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules', 'bpmn-js');
const to = join(root, 'src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/bpmn-js');

mkdirSync(to, { recursive: true });
[
  ['dist/bpmn-navigated-viewer.production.min.js', 'bpmn-navigated-viewer.production.min.js'],
  ['dist/assets/diagram-js.css', 'diagram-js.css'],
  ['dist/assets/bpmn-js.css', 'bpmn-js.css'],
  // The bpmn.io license: the watermark the viewer draws must stay visible.
  ['LICENSE', 'LICENSE']
].forEach(([source, target]) => {
  copyFileSync(join(from, source), join(to, target));
  console.log(`copied ${source} -> ${target}`);
});
