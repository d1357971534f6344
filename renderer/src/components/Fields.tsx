/** Labelled form controls used across screens; every control has a visible label, and a problem is said beside it. */
import { useId, useState } from 'react';

/** What is wrong with a field, next to it; announced when it appears. */
function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <small id={id} className="field-error" role="alert">
      {error}
    </small>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  maxLength?: number;
  type?: string;
  /** For a date field: the earliest date allowed (YYYY-MM-DD). */
  min?: string;
  required?: boolean;
  hint?: React.ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        maxLength={props.maxLength ?? 2000}
        min={props.min}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(!!props.hint && id + '-hint', props.error && id + '-error')}
      />
      <FieldError id={id + '-error'} error={props.error} />
      {props.hint && (
        <small id={id + '-hint'} className="muted">
          {props.hint}
        </small>
      )}
    </div>
  );
}

export function TextArea(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  hint?: React.ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(!!props.hint && id + '-hint', props.error && id + '-error')}
      />
      <FieldError id={id + '-error'} error={props.error} />
      {props.hint && (
        <small id={id + '-hint'} className="muted">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** A comma-separated list edited as text; the list is only re-split when the text changes. */
export function ListField(props: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const [text, setText] = useState(props.value.join(', '));
  // A new list from outside replaces the text, unless the text already says it (so ", " being
  // typed survives). Adjusted while rendering, as React advises, rather than in an effect.
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    if (split(text).join('\u0000') !== props.value.join('\u0000')) setText(props.value.join(', '));
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(split(e.target.value));
        }}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id + '-hint', props.error && id + '-error')}
      />
      <FieldError id={id + '-error'} error={props.error} />
      <small id={id + '-hint'} className="muted">
        {props.hint ?? 'Separate names with commas.'}
      </small>
    </div>
  );
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A label tied to its control by id (not by wrapping, which would mix option texts into the name). */
export function Labeled(props: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}
