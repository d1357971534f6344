/**
 * Supersedes, amends, relates-to … links across decisions, drawn as a graph (SVG from React, laid
 * out by shared/graph-layout.ts). Every decision in the drawing is a link: choosing one focuses
 * the graph on its group and lists its links in words beside it, so the graph can be walked by
 * keyboard and read without seeing the drawing.
 */
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type Placement } from '../../../shared/graph-layout.js';
import { RELATION_TYPES, relationPhrase } from '../../../shared/relation-types.js';
import type { GraphNode, RelationEdge, RelationGraph as Graph } from '../../../shared/relations.js';
import { QueryStatus } from '../components/QueryStatus.js';
import { useApiQuery } from '../data/query.js';
import { RepositoryPicker, useRepositoryFilter } from '../repositories/RepositoryPicker.js';
import { StatusBadge } from '../decisions/StatusBadge.js';
import { href } from '../app/router.js';
import './RelationGraph.css';

const MARGIN = 24;

/** How each link type reads from either end, from the one relation table. */
const phrase = relationPhrase;
/** The active relation types, in the table's order (lineage first, "relates to" last). */
const ACTIVE = RELATION_TYPES.map((r) => r.type);
const isActive = (type: string) => ACTIVE.includes(type);
const edgeClass = (type: string) => (isActive(type) ? `edge-${type}` : 'edge-other');

function nodeLabel(n: GraphNode): string {
  if (n.missing) return `${n.title} (not in Cairn)`;
  return n.number !== null ? `ADR ${n.number}: ${n.title}` : n.title;
}

function shortLabel(n: GraphNode): string {
  return n.missing ? n.title : n.number !== null ? `ADR ${n.number}` : 'Draft';
}

export function RelationGraph({ focus }: { focus: string | undefined }) {
  const [repository, setRepository] = useRepositoryFilter();
  const { data: graph, error, isPending, refetch } = useApiQuery('getRelationGraph', { focus, repository });

  const focused = graph?.nodes.find((n) => n.id === focus) ?? null;
  return (
    <section aria-labelledby="graph-title" className="relation-graph">
      <header className="page-header">
        <div>
          {focus && (
            <a href={href('graph')} className="back">
              ← All linked decisions
            </a>
          )}
          <h1 id="graph-title">{focused ? `Links of ${nodeLabel(focused)}` : 'Relations between decisions'}</h1>
          <p className="muted">
            Older decisions sit left of those that supersede, amend or build on them. Choose a decision to follow its
            links.
          </p>
          <div className="filters">
            <RepositoryPicker value={repository} onChange={setRepository} />
          </div>
        </div>
        <Legend />
      </header>
      <QueryStatus isPending={isPending} error={error} onRetry={() => void refetch()} what="the relations" />
      {!graph && !error && <p className="muted">Loading…</p>}
      {graph && graph.truncated && (
        <p className="warning">
          There are more linked decisions than fit in one drawing; the largest groups are shown. Choose a decision to
          see all of its links.
        </p>
      )}
      {graph && graph.edges.length === 0 && !focus && (
        <p className="empty">
          {repository !== undefined
            ? `No decision of ${repository} links to another of it.`
            : 'No decision links to another yet.'}{' '}
          Links come from “supersedes”, “amends”, “relates to” … in a decision or an imported file.
        </p>
      )}
      {graph && (graph.edges.length > 0 || focus) && (
        <div className="graph-layout">
          <Drawing graph={graph} focus={focus} />
          <aside
            className="panel graph-details"
            aria-label={focused ? `Details of ${nodeLabel(focused)}` : 'Links in words'}
          >
            {focused ? <FocusDetails node={focused} graph={graph} /> : <EdgeList graph={graph} />}
          </aside>
        </div>
      )}
    </section>
  );
}

function Legend() {
  return (
    <ul className="graph-legend" aria-label="Legend">
      {['supersedes', 'amends', 'relates-to', 'other'].map((t) => (
        <li key={t}>
          <svg width="36" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="36" y2="5" className={`edge ${t === 'other' ? 'edge-other' : edgeClass(t)}`} />
          </svg>
          {t === 'other' ? 'other links' : phrase(t, true)}
        </li>
      ))}
    </ul>
  );
}

/** Where an edge leaves one box and enters the other: facing sides, or both right sides when stacked. */
function edgePath(a: Placement, b: Placement): string {
  const ay = a.y + NODE_HEIGHT / 2 + MARGIN;
  const by = b.y + NODE_HEIGHT / 2 + MARGIN;
  if (a.x === b.x) {
    const x = a.x + NODE_WIDTH + MARGIN;
    const bulge = 40 + Math.min(60, Math.abs(ay - by) / 4);
    return `M ${x} ${ay} C ${x + bulge} ${ay}, ${x + bulge} ${by}, ${x} ${by}`;
  }
  const leftToRight = a.x < b.x;
  const ax = (leftToRight ? a.x + NODE_WIDTH : a.x) + MARGIN;
  const bx = (leftToRight ? b.x : b.x + NODE_WIDTH) + MARGIN;
  const mid = (ax + bx) / 2;
  return `M ${ax} ${ay} C ${mid} ${ay}, ${mid} ${by}, ${bx} ${by}`;
}

function Drawing({ graph, focus }: { graph: Graph; focus: string | undefined }) {
  const layout = layoutGraph(graph.nodes, graph.edges);
  const at = new Map(layout.nodes.map((p) => [p.id, p]));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const width = layout.width + MARGIN * 2 + 80;
  const height = layout.height + MARGIN * 2;
  return (
    <div className="graph-canvas" tabIndex={-1}>
      {/* Scaled down to fit up to a point, then the canvas scrolls: names must stay readable. */}
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width, minWidth: Math.min(width, 640) }}
        role="group"
        aria-label="Relation graph"
      >
        <defs>
          {[...ACTIVE, 'other'].map((t) => (
            <marker
              key={t}
              id={`arrow-${t}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className={`arrow ${t === 'other' ? 'edge-other' : edgeClass(t)}`} />
            </marker>
          ))}
        </defs>
        <g aria-hidden="true">
          {graph.edges.map((e) => {
            const a = at.get(e.from);
            const b = at.get(e.to);
            if (!a || !b) return null;
            const kind = isActive(e.type) ? e.type : 'other';
            return (
              <path
                key={`${e.from}-${e.to}-${e.type}`}
                d={edgePath(a, b)}
                className={`edge ${edgeClass(e.type)}`}
                markerEnd={e.type === 'relates-to' ? undefined : `url(#arrow-${kind})`}
              >
                <title>{`${nodeLabel(byId.get(e.from)!)} ${phrase(e.type, true)} ${nodeLabel(byId.get(e.to)!)}`}</title>
              </path>
            );
          })}
        </g>
        {layout.nodes.map((p) => {
          const n = byId.get(p.id)!;
          const x = p.x + MARGIN;
          const y = p.y + MARGIN;
          const line1 = `${shortLabel(n)}${n.status ? ` · ${n.status}` : ''}${n.date ? ` · ${n.date.slice(0, 4)}` : ''}`;
          const line2 = n.missing ? 'not in Cairn' : n.title;
          return (
            <a
              key={n.id}
              href={href('graph', n.id)}
              aria-label={`${line1} ${line2}`}
              aria-current={n.id === focus ? 'true' : undefined}
              className="graph-node-link"
            >
              <g
                className={`graph-node${n.missing ? ' missing' : ''}${n.id === focus ? ' focused' : ''} node-${n.status ?? 'missing'}`}
              >
                <rect x={x} y={y} width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
                {/* A nested viewport clips a long title at the box edge; the link's name carries it whole. */}
                <svg x={x + 10} y={y} width={NODE_WIDTH - 20} height={NODE_HEIGHT}>
                  {/* The trailing space keeps the two lines apart in the text the link is named by. */}
                  <text x={0} y={20} className="node-number">
                    {`${line1} `}
                  </text>
                  <text x={0} y={40} className="node-title">
                    {line2}
                  </text>
                </svg>
              </g>
            </a>
          );
        })}
      </svg>
    </div>
  );
}

function LinkTo({ node }: { node: GraphNode }) {
  return <a href={href('graph', node.id)}>{nodeLabel(node)}</a>;
}

function FocusDetails({ node, graph }: { node: GraphNode; graph: Graph }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Lineage first (what it replaced, what replaced it), loose "relates to" links last.
  const rank = (e: RelationEdge) => {
    const i = ACTIVE.indexOf(e.type);
    return (i < 0 ? 99 : i) * 2 + (e.from === node.id ? 0 : 1);
  };
  const mine = graph.edges.filter((e) => e.from === node.id || e.to === node.id).sort((a, b) => rank(a) - rank(b));
  return (
    <>
      <h2>{nodeLabel(node)}</h2>
      {!node.missing && (
        <p>
          {node.status && <StatusBadge status={node.status} />} {node.date} ·{' '}
          <a href={href('decisions', node.id)}>Open the decision</a>
        </p>
      )}
      {node.missing && (
        <p className="muted">
          A decision links to “{node.title}”, which is not in Cairn (a file never imported, or a typo).
        </p>
      )}
      {mine.length === 0 ? (
        <p className="muted">No links yet.</p>
      ) : (
        <ul className="graph-links" aria-label="Its links">
          {mine.map((e) => {
            const outgoing = e.from === node.id;
            const other = byId.get(outgoing ? e.to : e.from)!;
            return (
              <li key={`${e.from}-${e.to}-${e.type}`}>
                {phrase(e.type, outgoing)} <LinkTo node={other} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function EdgeList({ graph }: { graph: Graph }) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <>
      <h2>Links</h2>
      <ul className="graph-links">
        {graph.edges.map((e) => (
          <li key={`${e.from}-${e.to}-${e.type}`}>
            <LinkTo node={byId.get(e.from)!} /> {phrase(e.type, true)} <LinkTo node={byId.get(e.to)!} />
          </li>
        ))}
      </ul>
    </>
  );
}
