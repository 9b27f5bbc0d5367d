// Renders every model in processes/ to docs/diagrams/<file>.svg with bpmn-js / dmn-js in headless Chromium.
// Each SVG starts with the SHA-256 of the model it was drawn from; RenderedDiagramsTest compares it with the
// model, because file times do not survive a git clone. Only missing or stale diagrams are drawn again, so
// nothing starts a browser when all are current; `--all` redraws every one. A diagram whose model is gone is
// deleted.
//
//   npm run diagrams [-- --all]        CHROMIUM=/path/to/chrome to use another browser than /usr/bin/chromium
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = join(root, 'processes');
const out = join(root, 'docs', 'diagrams');
const viewers = {
  bpmn: { script: 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', make: 'BpmnJS' },
  dmn: { script: 'node_modules/dmn-js/dist/dmn-viewer.production.min.js', make: 'DmnJS' }
};

// Must match RenderedDiagramsTest: line endings are normalised so a Windows checkout is not "stale".
function modelHash(text) {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

function stamp(file, hash) {
  return `<!-- rendered from processes/${file} sha256:${hash} by tools/render-diagrams.mjs; do not edit -->`;
}

// bpmn-js and dmn-js give arrow-head markers random ids; numbering them makes the same model give the same SVG.
function stableMarkerIds(svg) {
  let body = svg.replace(/^<\?xml[^>]*>\s*/, '');
  [...body.matchAll(/<marker id="([^"]+)"/g)].forEach(([, id], n) => {
    body = body.replaceAll(id, `marker-${n + 1}`);
  });
  return body;
}

function renderedHash(svgFile) {
  if (!existsSync(svgFile)) {
    return null;
  }
  const match = readFileSync(svgFile, 'utf8').match(/sha256:([0-9a-f]{64})/);
  return match ? match[1] : null;
}

const all = process.argv.includes('--all');
mkdirSync(out, { recursive: true });
const files = readdirSync(models).filter(f => /\.(bpmn|dmn)$/.test(f)).sort();

for (const svg of readdirSync(out).filter(f => f.endsWith('.svg'))) {
  if (!files.includes(svg.slice(0, -'.svg'.length))) {
    unlinkSync(join(out, svg));
    console.log(`deleted docs/diagrams/${svg} (no model)`);
  }
}

const todo = files.filter(f => all || renderedHash(join(out, f + '.svg')) !== modelHash(readFileSync(join(models, f), 'utf8')));
if (todo.length === 0) {
  console.log('all diagrams are current');
  process.exit(0);
}

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM to a Chrome or Chromium binary`);
  process.exit(1);
}

// The flags keep Chromium from reaching out to the network at start (closed networks refuse it loudly).
const profile = mkdtempSync(join(tmpdir(), 'render-diagrams-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
});
try {
  for (const file of todo) {
    const xml = readFileSync(join(models, file), 'utf8');
    const viewer = viewers[file.split('.').pop()];
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addScriptTag({ path: join(root, viewer.script) });
    const svg = await page.evaluate(async ({ xml, make }) => {
      const renderer = new window[make]({ container: '#canvas' });
      const { warnings } = await renderer.importXML(xml);
      if (warnings.length) {
        throw new Error(warnings.map(w => w.message).join('\n'));
      }
      // dmn-js opens the first decision table; the drawing of the whole model is its DRD view.
      if (renderer.getViews) {
        const drd = renderer.getViews().find(v => v.type === 'drd');
        await renderer.open(drd);
        return (await renderer.getActiveViewer().saveSVG()).svg;
      }
      return (await renderer.saveSVG()).svg;
    }, { xml, make: viewer.make });
    await page.close();
    writeFileSync(join(out, file + '.svg'),
      `<?xml version="1.0" encoding="utf-8"?>\n${stamp(file, modelHash(xml))}\n${stableMarkerIds(svg)}\n`);
    console.log(`rendered docs/diagrams/${file}.svg`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
