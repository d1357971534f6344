// The suite's one-line trust report, from the figures the trust tests wrote to test-results/trust
// during this run (`--reset` clears them first). Fails when a figure is missing or does not hold.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve('test-results', 'trust');
if (process.argv.includes('--reset')) {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const sources = {
  checklist: ['electron-checklist', 'tests/unit/electron-security.test.ts'],
  renderer: ['electron-renderer', 'tests/e2e/renderer-isolation.spec.ts'],
  fuzz: ['fuzz', 'tests/integration/api-fuzz.test.ts'],
  markdownNode: ['markdown-node', 'tests/unit/markdown.test.ts'],
  markdownBrowser: ['markdown-chromium', 'tests/e2e/markdown.spec.ts'],
  crash: ['crash', 'tests/integration/crash-safety.test.ts'],
  mcp: ['mcp-fuzz', 'tests/integration/mcp.test.ts'],
  http: ['http-malformed', 'tests/integration/http-host-malformed.test.ts'],
  exportCrash: ['export-crash', 'tests/integration/export-crash.soak.test.ts'],
};
const figures = {};
const missing = [];
for (const [key, [name, test]] of Object.entries(sources)) {
  const file = path.join(dir, `${name}.json`);
  if (existsSync(file)) figures[key] = JSON.parse(readFileSync(file, 'utf8'));
  else missing.push(`${name} (written by ${test})`);
}
if (missing.length) {
  console.error(
    `Trust report: no figures from this run for ${missing.join(', ')}. Run the whole suite with \`npm test\`.`,
  );
  process.exit(1);
}

const { checklist, renderer, fuzz, markdownNode, markdownBrowser, crash, mcp, http, exportCrash } = figures;
// Checklist item 2 (no Node.js in the renderer) also needs the browser's word for it.
const enforced = new Set(checklist.enforced);
if (!(renderer.nodeGlobalsUndefined && renderer.inlineScriptBlocked && renderer.unexpectedViolations.length === 0))
  enforced.delete(2);
const fuzzCrashes = fuzz.crashes + (fuzz.prototypeChanged ? 1 : 0);
const unsafe = new Set([...markdownNode.unsafeInputs, ...markdownBrowser.unsafeInputs]);
const lost = crash.lost + crash.problems;
const n = (x) => x.toLocaleString('en');

console.log(
  `Electron checklist ${enforced.size}/${checklist.total} enforced; IPC fuzz ${n(fuzz.payloads)} payloads, ${fuzzCrashes} crashes; ` +
    `Markdown ${markdownBrowser.inputs} hostile inputs, ${unsafe.size} unsafe; kill -9 ${crash.runs} runs, ${lost} lost; ` +
    `MCP fuzz ${n(mcp.messages)} messages, ${mcp.requests - mcp.answered} unanswered, ${mcp.crashes} crashes; ` +
    `malformed raw HTTP ${n(http.requests)} requests, ${http.wrong + http.stoppedServing} not answered 400; kill -9 mid-export ${exportCrash.runs} runs, ${exportCrash.problems} not finished by the next run`,
);

const slow = [
  ...markdownNode.timings.map((t) => ({ ...t, where: 'Node' })),
  ...markdownBrowser.timings.map((t) => ({ ...t, where: 'Chromium' })),
].sort((a, b) => b.ms - a.ms);
const over = slow.filter((t) => t.ms > 500);
console.log(`Markdown: slowest input "${slow[0].name}" took ${slow[0].ms} ms (${slow[0].where}).`);
if (over.length)
  console.log(
    `Markdown inputs over 500 ms on this machine: ${over.map((t) => `"${t.name}" ${t.ms} ms (${t.where})`).join(', ')}.`,
  );

const holds =
  enforced.size === checklist.total &&
  fuzzCrashes === 0 &&
  unsafe.size === 0 &&
  lost === 0 &&
  crash.runs >= 120 &&
  fuzz.perMethod >= 300 &&
  markdownBrowser.inputs >= 20 &&
  mcp.crashes === 0 &&
  mcp.answered === mcp.requests &&
  http.requests >= 1000 &&
  http.wrong === 0 &&
  http.stoppedServing === 0 &&
  exportCrash.runs >= 3 &&
  exportCrash.problems === 0;
if (!holds) {
  console.error('Trust report: a figure does not hold (see above and the failing tests).');
  process.exit(1);
}
