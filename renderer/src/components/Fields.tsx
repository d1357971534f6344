/** Labelled form controls used across screens; every control has a visible label, and a problem is said beside it. */
import { Fragment, useId, useState, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';

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

/** A control's problem and hint below it, and the attributes that tie them to the control `id`. */
function notes(id: string, hint: React.ReactNode, error: string | undefined) {
  return {
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(!!hint && id + '-hint', error && id + '-error'),
    },
    below: (
      <>
        <FieldError id={id + '-error'} error={error} />
        {hint && (
          <small id={id + '-hint'} className="muted">
            {hint}
          </small>
        )}
      </>
    ),
  };
}

/**
 * Where a control's label goes: above it (a form's field); beside it (a line of controls, which
 * spaces and styles both); inline, its words a space before the control, the two one item of a
 * toolbar or row; heard only (`hidden`: a list row, whose place names it); heard only with no
 * wrapper (`hidden-inline`: the control alone in a line, a form of one box and its buttons); or
 * in a table cell (`cell`: the label, words only, is the control's `aria-label`, built from the
 * cell's row and column, so the cell reads as its value and the header cells say what it is).
 */
export type LabelPosition = 'above' | 'beside' | 'inline' | 'hidden' | 'hidden-inline' | 'cell';

/** The control's `aria-label` in a table cell, where no label element is shown or read. */
const cellName = (position: LabelPosition, label: React.ReactNode) =>
  position === 'cell' && typeof label === 'string' ? label : undefined;

/**
 * The label and the control in the wrapper that `position` asks for, then what goes below or
 * after the control (its notes; `after`).
 */
function Placed(props: {
  id: string;
  position: LabelPosition;
  /** The wrapper's class besides the one `position` gives. */
  className?: string | undefined;
  label: React.ReactNode;
  /** The label's own id, for a control that points at it. */
  labelId?: string | undefined;
  control: React.ReactNode;
  after: React.ReactNode;
}) {
  const { id, position, label, control, after } = props;
  if (position === 'cell')
    return (
      <>
        {control}
        {after}
      </>
    );
  const hidden = position === 'hidden' || position === 'hidden-inline';
  const labelEl = (
    <label htmlFor={id} id={props.labelId} className={hidden ? 'visually-hidden' : undefined}>
      {label}
    </label>
  );
  if (position === 'hidden-inline')
    return (
      <>
        {labelEl}
        {control}
        {after}
      </>
    );
  if (position === 'inline')
    return (
      <span className={props.className}>
        {labelEl} {control}
        {after}
      </span>
    );
  const wrapper = position === 'beside' ? 'field-beside' : 'field';
  return (
    <div className={props.className ? `${wrapper} ${props.className}` : wrapper}>
      {labelEl}
      {control}
      {after}
    </div>
  );
}

export function TextField({
  inputRef,
  ...props
}: {
  label: React.ReactNode;
  value: string;
  onChange: (v: string) => void;
  maxLength?: number;
  /** `search` for a search box; `number` and `date` with `min`, `max`, `step`. */
  type?: string;
  placeholder?: string;
  /** The wrapper's class (e.g. `grow` in a row); with `inline`, the element holding words and box. */
  className?: string;
  labelPosition?: LabelPosition;
  /** For a date field: the earliest date allowed (YYYY-MM-DD); for a number, the least. */
  min?: string | number;
  max?: string | number;
  step?: number;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** False for a path or a code, where a misspelling is not one. */
  spellCheck?: boolean;
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  hint?: React.ReactNode;
  error?: string | undefined;
  /**
   * Controls on one line with the box, in an element of this class (a Choose… button); `render`
   * gets the label's id, for a control the label also describes.
   */
  besideBox?: { className: string; render: (labelId: string) => React.ReactNode };
  /** After the control and its notes, inside the field (a list of hits under a search box). */
  children?: React.ReactNode;
}) {
  const id = useId();
  const note = notes(id, props.hint, props.error);
  const position = props.labelPosition ?? 'above';
  const input = (
    <input
      aria-label={cellName(position, props.label)}
      ref={inputRef}
      id={id}
      type={props.type ?? 'text'}
      value={props.value}
      placeholder={props.placeholder}
      maxLength={props.maxLength ?? 2000}
      min={props.min}
      max={props.max}
      step={props.step}
      required={props.required}
      readOnly={props.readOnly}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      spellCheck={props.spellCheck}
      autoComplete={props.autoComplete}
      onChange={(e) => props.onChange(e.target.value)}
      {...note.aria}
    />
  );
  const labelId = props.besideBox && id + '-label';
  return (
    <Placed
      id={id}
      position={position}
      className={props.className}
      label={props.label}
      labelId={labelId}
      control={
        props.besideBox ? (
          <div className={props.besideBox.className}>
            {input}
            {props.besideBox.render(labelId!)}
          </div>
        ) : (
          input
        )
      }
      after={
        <>
          {note.below}
          {props.children}
        </>
      }
    />
  );
}

export function TextArea(props: {
  label: React.ReactNode;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  autoFocus?: boolean;
  hint?: React.ReactNode;
  error?: string | undefined;
}) {
  const id = useId();
  const note = notes(id, props.hint, props.error);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        required={props.required}
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...note.aria}
      />
      {note.below}
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
  const note = notes(id, props.hint ?? 'Separate names with commas.', props.error);
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
        {...note.aria}
      />
      {note.below}
    </div>
  );
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A checkbox and its words, one click target (the words are its name). In a table cell
 * (`labelPosition: 'cell'`) the words are its `aria-label`, built from the cell's row.
 */
export function Checkbox(
  props: {
    checked: boolean;
    onChange: (checked: boolean) => void;
    /**
     * The label's class: `checkbox` (box and words side by side, spaced) unless given; '' for none
     * (the words run on after the box as text).
     */
    className?: string;
    disabled?: boolean;
  } & ({ label: React.ReactNode; labelPosition?: 'beside' } | { label: string; labelPosition: 'cell' }),
) {
  const box = (
    <input
      type="checkbox"
      checked={props.checked}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.checked)}
      aria-label={props.labelPosition === 'cell' ? props.label : undefined}
    />
  );
  if (props.labelPosition === 'cell') return box;
  return (
    <label className={(props.className ?? 'checkbox') || undefined}>
      {box} {props.label}
    </label>
  );
}

/**
 * A file to read, chosen with the system's file dialog: `onFile` gets it, and the box is emptied
 * at once so choosing the same file again reads it again. Its value cannot be set, so it is the
 * one control here that holds no value of the screen's.
 */
export function FileField(props: {
  label: string;
  /** The file types offered (the input's `accept`). */
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </div>
  );
}

/** One entry of a Select or a radio group: the value kept and the words shown. */
export interface Choice<V> {
  value: V;
  label: React.ReactNode;
  /** Said after the label, inside it (a radio's explanation). */
  description?: React.ReactNode;
  disabled?: boolean;
  /** Places the radio's label among what belongs to it (a list it opens, a control beside it). */
  around?: (label: React.ReactNode) => React.ReactNode;
}

/** A labelled drop-down; its label where `labelPosition` says (above unless given). */
export function Select<V extends string>(props: {
  label: React.ReactNode;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (v: V) => void;
  labelPosition?: LabelPosition;
  /** The wrapper's class (with `inline`: the element holding the words and the control). */
  className?: string;
  disabled?: boolean;
  hint?: React.ReactNode;
  error?: string | undefined;
  /** What else describes it, said elsewhere on the screen (the id of that text). */
  describedBy?: string | undefined;
}) {
  const id = useId();
  const note = notes(id, props.hint, props.error);
  const position = props.labelPosition ?? 'above';
  return (
    <Placed
      id={id}
      position={position}
      className={props.className}
      label={props.label}
      control={
        <select
          aria-label={cellName(position, props.label)}
          id={id}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value as V)}
          {...note.aria}
          aria-describedby={describedBy(note.aria['aria-describedby'], props.describedBy)}
        >
          {/* By place: two choices may share a value (two repositories of one name). */}
          {props.choices.map((c, i) => (
            <option key={i} value={c.value} disabled={c.disabled}>
              {c.label}
            </option>
          ))}
        </select>
      }
      after={note.below}
    />
  );
}

/**
 * The radios of one choice, each wrapped in its label (so the whole card or segment is the click
 * target and the label with its description is the radio's name). One shared name makes the arrow
 * keys move between them, as native radios do. For a group that is already a fieldset (a
 * criterion's weights); otherwise use RadioGroup.
 */
export function RadioChoices<V>(props: {
  value: V;
  choices: readonly Choice<V>[];
  onChange: (v: V) => void;
  /** The class of the element holding the radios (a grid of cards, a segmented bar); none: no element. */
  className?: string;
  /** Each choice's class; `selectedClassName` is added to the checked one. */
  choiceClassName?: string;
  selectedClassName?: string;
  disabled?: boolean;
  /** The first radio (to focus it when the group opens). */
  firstRef?: Ref<HTMLInputElement>;
  describedBy?: string | undefined;
}) {
  const name = useId();
  const radios = props.choices.map((c, i) => {
    const checked = c.value === props.value;
    const className =
      [props.choiceClassName, checked && props.selectedClassName].filter(Boolean).join(' ') || undefined;
    const label = (
      <label className={className}>
        <input
          ref={i === 0 ? props.firstRef : undefined}
          type="radio"
          name={name}
          value={String(c.value)}
          checked={checked}
          disabled={props.disabled || c.disabled}
          onChange={() => props.onChange(c.value)}
          aria-describedby={props.describedBy}
        />{' '}
        {c.description === undefined ? (
          c.label
        ) : (
          <span>
            <strong>{c.label}</strong> {c.description}
          </span>
        )}
      </label>
    );
    return <Fragment key={String(c.value)}>{c.around ? c.around(label) : label}</Fragment>;
  });
  return props.className ? <div className={props.className}>{radios}</div> : <>{radios}</>;
}

/** A choice of one among a few: a fieldset named by its legend, the radios, a problem said beside them. */
export function RadioGroup<V>(
  props: React.ComponentProps<typeof RadioChoices<V>> & {
    legend: React.ReactNode;
    /** The fieldset's class. */
    groupClassName?: string;
    busy?: boolean;
    /** Shown between the legend and the radios. */
    intro?: React.ReactNode;
    /** Shown after the radios, inside the group (a confirmation, a follow-up action). */
    children?: React.ReactNode;
    error?: string | undefined;
  },
) {
  const id = useId();
  const { legend, groupClassName, busy, intro, children, error, ...choices } = props;
  return (
    <fieldset className={groupClassName} aria-busy={busy}>
      <legend>{legend}</legend>
      {intro}
      <RadioChoices {...choices} describedBy={error ? id + '-error' : undefined} />
      <FieldError id={id + '-error'} error={error} />
      {children}
    </fieldset>
  );
}

/**
 * A text box in a list row: its label is heard, not shown (the row's place says what it is), and
 * it stretches to fill the row.
 */
export function RowInput(
  props: { label: string; value: string; onChange: (v: string) => void; inputRef?: Ref<HTMLInputElement> } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'value' | 'onChange'
  >,
) {
  const { label, onChange, inputRef, ...input } = props;
  return (
    <label className="grow">
      <span className="visually-hidden">{label}</span>
      <input ref={inputRef} {...input} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** RowInput for text that runs over lines. */
export function RowTextArea(
  props: { label: string; value: string; onChange: (v: string) => void } & Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    'value' | 'onChange'
  >,
) {
  const { label, onChange, ...textarea } = props;
  return (
    <label className="grow">
      <span className="visually-hidden">{label}</span>
      <textarea {...textarea} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/**
 * An editable list: a fieldset named by its legend, one row per item (its fields, then Move up,
 * Move down and Remove buttons whose names say which row), and an Add button. The screen keeps the
 * items; this keeps the markup, the names and the keyboard the same on every list.
 */
export function RowsField<T>(props: {
  legend: React.ReactNode;
  className?: string;
  items: readonly T[];
  /** A stable key per item; the index when items have none. */
  keyOf?: (item: T, index: number) => React.Key;
  /** How the buttons name a row: `option Postgres` gives "Remove option Postgres", "Move option Postgres up". */
  rowName: (item: T, index: number) => string;
  /** The row's fields (RowInput, Select…), before its buttons. */
  renderRow: (item: T, index: number) => React.ReactNode;
  /** What shows under a row (its citations, its problem). */
  renderBelow?: (item: T, index: number) => React.ReactNode;
  onRemove: (index: number) => void;
  /** Given, each row has ↑ and ↓ buttons. */
  onMove?: (index: number, by: -1 | 1) => void;
  /** The Add button; none when the screen adds another way (children). */
  add?: { label: React.ReactNode; onAdd: () => void };
  /** Rows in a numbered or plain list (with `listClassName`, `listLabel`, `itemClassName`); none: rows only. */
  list?: 'ol' | 'ul';
  listClassName?: string;
  listLabel?: string;
  /** With a list: not shown while it is empty. */
  hideEmptyList?: boolean;
  itemClassName?: (item: T, index: number) => string | undefined;
  /** With a list: each item's name (when its fields alone do not say which it is). */
  itemLabel?: (item: T, index: number) => string;
  /** The fields and the buttons in two blocks with these classes, rather than on one line. */
  blocks?: { fields: string; actions: string };
  /** Between the legend and the rows. */
  intro?: React.ReactNode;
  /** After the rows and the Add button. */
  children?: React.ReactNode;
}) {
  const { items, rowName, onMove } = props;
  const buttons = (item: T, i: number) => (
    <>
      {onMove && (
        <>
          <button
            type="button"
            aria-label={`Move ${rowName(item, i)} up`}
            disabled={i === 0}
            onClick={() => onMove(i, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${rowName(item, i)} down`}
            disabled={i === items.length - 1}
            onClick={() => onMove(i, 1)}
          >
            ↓
          </button>
        </>
      )}
      <button type="button" aria-label={`Remove ${rowName(item, i)}`} onClick={() => props.onRemove(i)}>
        Remove
      </button>
    </>
  );
  const row = (item: T, i: number) =>
    props.blocks ? (
      <>
        <div className={props.blocks.fields}>{props.renderRow(item, i)}</div>
        <div className={props.blocks.actions}>{buttons(item, i)}</div>
      </>
    ) : (
      <div className="row list-row">
        {props.renderRow(item, i)}
        {buttons(item, i)}
      </div>
    );
  const key = (item: T, i: number) => props.keyOf?.(item, i) ?? i;
  const List = props.list;
  return (
    <fieldset className={props.className}>
      <legend>{props.legend}</legend>
      {props.intro}
      {List
        ? (items.length > 0 || !props.hideEmptyList) && (
            <List className={props.listClassName} aria-label={props.listLabel}>
              {items.map((item, i) => (
                <li
                  key={key(item, i)}
                  className={props.itemClassName?.(item, i)}
                  aria-label={props.itemLabel?.(item, i)}
                >
                  {row(item, i)}
                  {props.renderBelow?.(item, i)}
                </li>
              ))}
            </List>
          )
        : items.map((item, i) => (
            <Fragment key={key(item, i)}>
              {row(item, i)}
              {props.renderBelow?.(item, i)}
            </Fragment>
          ))}
      {props.add && (
        <button type="button" onClick={props.add.onAdd}>
          {props.add.label}
        </button>
      )}
      {props.children}
    </fieldset>
  );
}
