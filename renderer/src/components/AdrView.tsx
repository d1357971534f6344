/**
 * An ADR's Markdown shown the way a person reads it (through the safe renderer), with a switch to
 * the raw text the file holds. The read view, the guided decision's review and the export
 * preview all show ADRs through this one component, so they cannot drift apart.
 */
import { useId, useState } from 'react';
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

export function AdrView({ markdown, label, headingOffset, onRelativeLink, rawLabel, startRaw = false }: AdrViewProps) {
  const [raw, setRaw] = useState(startRaw);
  const id = useId();
  return (
    <div className="adr-view">
      <p className="adr-view-toggle">
        <input id={id} type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> <label htmlFor={id}>Show the Markdown text</label>
      </p>
      {raw ? (
        <pre className="adr-view-raw" tabIndex={0} aria-label={rawLabel ?? `${label} (Markdown text)`}>
          {markdown}
        </pre>
      ) : (
        <Markdown className="adr-view-doc" source={markdown} headingOffset={headingOffset} label={label} onRelativeLink={onRelativeLink} />
      )}
    </div>
  );
}
