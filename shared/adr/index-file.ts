/**
 * The folder's index (README.md): every ADR with number, title, status and date, and a Mermaid
 * graph of the supersede and link relations, which GitHub draws. Deterministic like the ADRs.
 */
import { cell, fileLink } from './markdown.js';
import { assemble, heading } from './sections.js';

export const INDEX_FILE = 'README.md';

export interface IndexEntry {
  file: string;
  number: number | null;
  title: string;
  status: string;
  date: string | null;
}

/** An edge in its forward form: `from` supersedes / amends / relates to … `to`. */
export interface IndexEdge {
  from: string;
  to: string;
  type: string;
}

function byNumber(a: IndexEntry, b: IndexEntry): number {
  return (
    (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** Text inside a Mermaid `["…"]` label: characters Mermaid or HTML would read are written as entity codes. */
export function mermaidText(text: string): string {
  const codes: Record<string, string> = {
    '"': '#quot;',
    '#': '#35;',
    '<': '#lt;',
    '>': '#gt;',
    '&': '#amp;',
    '`': '#96;',
    ';': '#59;',
  };
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters become spaces
      .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
      .replace(/["#<>&`;]/g, (c) => codes[c]!)
      .trim()
  );
}

function edgeLabel(type: string): string {
  return (
    type
      .replace(/[^a-z0-9 -]/gi, ' ')
      .replace(/-/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'relates to'
  );
}

export function renderIndex(entries: readonly IndexEntry[], edges: readonly IndexEdge[]): string {
  const sorted = [...entries].sort(byNumber);
  const numbers = new Map<number, number>();
  for (const e of sorted) if (e.number !== null) numbers.set(e.number, (numbers.get(e.number) ?? 0) + 1);
  const nodeId = new Map(
    sorted.map((e, i) => [
      e.file,
      e.number !== null && numbers.get(e.number) === 1 ? `adr${e.number}` : `file${i + 1}`,
    ]),
  );
  const rows = sorted.map(
    (e) =>
      `| ${e.number ?? '–'} | [${cell(e.title)}](${fileLink(e.file)}) | ${cell(e.status) || '–'} | ${e.date ?? '–'} |`,
  );
  const table = sorted.length
    ? ['| No. | Decision | Status | Date |', '| ---: | --- | --- | --- |', ...rows].join('\n')
    : 'No decisions yet.';

  const known = new Map(sorted.map((e) => [e.file, e]));
  const unique = new Map<string, IndexEdge>();
  for (const e of edges)
    if (known.has(e.from) && known.has(e.to) && e.from !== e.to) unique.set(`${e.from}\u0000${e.type}\u0000${e.to}`, e);
  const graphEdges = [...unique.values()].sort((a, b) => {
    const fa = known.get(a.from)!;
    const fb = known.get(b.from)!;
    const ta = known.get(a.to)!;
    const tb = known.get(b.to)!;
    return byNumber(fa, fb) || byNumber(ta, tb) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
  });
  let graph: string;
  if (graphEdges.length) {
    const inGraph = sorted.filter((e) => graphEdges.some((g) => g.from === e.file || g.to === e.file));
    graph = [
      '```mermaid',
      'flowchart LR',
      ...inGraph.map(
        (e) => `  ${nodeId.get(e.file)}["${mermaidText(e.number !== null ? `${e.number}. ${e.title}` : e.title)}"]`,
      ),
      ...graphEdges.map((g) => `  ${nodeId.get(g.from)} -->|${edgeLabel(g.type)}| ${nodeId.get(g.to)}`),
      '```',
    ].join('\n');
  } else {
    graph = 'No decision supersedes or links to another yet.';
  }
  return assemble([
    heading(1, 'Architecture Decision Records'),
    'Cairn writes this index when it exports decisions into this folder. If you change it, Cairn keeps your version and writes its own beside it.',
    table,
    heading(2, 'Relations'),
    graph,
  ]);
}
