/**
 * An ADR's Markdown shown the way a person reads it (through the safe renderer), with a switch to
 * the raw text the file holds. The read view, the guided decision's review and the export
 * preview all show ADRs through this one component, so they cannot drift apart.
 */
import { useState } from 'react';
import { Checkbox } from './Fields.js';
import { Markdown } from './Markdown.js';
import './AdrView.css';

export interface AdrViewProps {
  /** The ADR's Markdown, exactly as the file holds it. */
  markdown: string;
  /** Accessible name of the rendered document, e.g. "The ADR". */
  label: string;
  /** Headings are pushed this many levels below the page's own (1 under a page h1, 2 under an h2). */
  headingOffset: number;
  onRelativeLink?: (target: string) => void;
  /** Accessible name of the raw text; default: the label followed by "(Markdown text)". */
  rawLabel?: string;
  /** Start on the raw text instead of the rendering. */
  startRaw?: boolean;
}

/**
 * MADR's YAML front matter, split off so it shows as a list of fields: Markdown would read the
 * closing `---` as a heading underline. Only `key: value` lines are listed; anything else (nested
 * YAML) is shown as the text it is.
 */
export function splitFrontMatter(markdown: string): { fields: [string, string][] | null; yaml: string; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!m) return { fields: null, yaml: '', body: markdown };
  const lines = m[1]!.split(/\r?\n/).filter((l) => l.trim() !== '');
  const pairs = lines.map((l) => /^([A-Za-z][\w-]*):\s*(.*)$/.exec(l));
  const fields = pairs.every(Boolean)
    ? pairs.map((p) => [p![1]!, p![2]!.replace(/^(["'])(.*)\1$/, '$2')] as [string, string])
    : null;
  return { fields, yaml: m[1]!, body: markdown.slice(m[0].length) };
}

export function AdrView({ markdown, label, headingOffset, onRelativeLink, rawLabel, startRaw = false }: AdrViewProps) {
  const [raw, setRaw] = useState(startRaw);
  return (
    <div className="adr-view">
      <p className="adr-view-toggle">
        <Checkbox label="Show the Markdown text" className="" checked={raw} onChange={setRaw} />
      </p>
      {raw ? (
        <pre className="adr-view-raw" tabIndex={0} aria-label={rawLabel ?? `${label} (Markdown text)`}>
          {markdown}
        </pre>
      ) : (
        <Rendered markdown={markdown} label={label} headingOffset={headingOffset} onRelativeLink={onRelativeLink} />
      )}
    </div>
  );
}

function Rendered({
  markdown,
  label,
  headingOffset,
  onRelativeLink,
}: Pick<AdrViewProps, 'markdown' | 'label' | 'headingOffset' | 'onRelativeLink'>) {
  const { fields, yaml, body } = splitFrontMatter(markdown);
  return (
    <div className="adr-view-doc">
      {fields ? (
        <dl className="adr-view-meta" aria-label="Front matter">
          {fields.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        yaml && (
          <pre className="adr-view-meta" aria-label="Front matter">
            {yaml}
          </pre>
        )
      )}
      <Markdown source={body} headingOffset={headingOffset} label={label} onRelativeLink={onRelativeLink} />
    </div>
  );
}
