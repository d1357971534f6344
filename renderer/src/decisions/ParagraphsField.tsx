/**
 * Consequences written as prose, as adr-tools (Nygard) files write them: one multi-line field,
 * each paragraph one consequence. Editing keeps the effect and the cited claims of every
 * paragraph whose text is unchanged, so an untouched paragraph exports exactly as it was read.
 */
import { useState } from 'react';
import type { Consequence } from '../../../shared/domain.js';
import { TextArea } from '../components/Fields.js';

/** Whether a list of consequences reads as plain paragraphs (no effect but neutral, no claims cited). */
export function isProse(consequences: readonly Consequence[]): boolean {
  return consequences.every((c) => c.effect === 'neutral' && c.claims.length === 0);
}

export function paragraphsOf(consequences: readonly Consequence[]): string {
  return consequences.map((c) => c.text).join('\n\n');
}

export function consequencesOf(text: string, before: readonly Consequence[]): Consequence[] {
  const left = [...before];
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter(Boolean)
    .map((p) => {
      const i = left.findIndex((c) => c.text === p);
      if (i >= 0) return left.splice(i, 1)[0]!;
      return { effect: 'neutral' as const, text: p, claims: [] };
    });
}

export function ParagraphsField(props: {
  label: string;
  value: Consequence[];
  onChange: (v: Consequence[]) => void;
  hint?: string;
  error?: string | undefined;
}) {
  // The text as typed: a blank line being typed between paragraphs must not vanish before the
  // next paragraph starts. Re-read from the list only when the list says something else.
  const [text, setText] = useState(paragraphsOf(props.value));
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    if (paragraphsOf(consequencesOf(text, props.value)) !== paragraphsOf(props.value))
      setText(paragraphsOf(props.value));
  }
  return (
    <TextArea
      label={props.label}
      value={text}
      rows={Math.min(14, Math.max(4, text.split('\n').length + 1))}
      hint={props.hint}
      error={props.error}
      onChange={(v) => {
        setText(v);
        props.onChange(consequencesOf(v, props.value));
      }}
    />
  );
}
