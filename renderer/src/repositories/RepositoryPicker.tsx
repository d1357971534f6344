/**
 * Which repository a screen shows (the timeline, the relation graph): "All repositories" or one of
 * those Cairn knows, each with its count. The choice is one for the session, so the timeline and
 * the graph show the same repository as a person moves between them.
 */
import { useId, useState } from 'react';
import { useApiQuery } from '../data/query.js';
import { countOf } from '../number-format.js';

let chosen: string | undefined;

/** The repository filter shared by the screens that take one: undefined is all repositories. */
export function useRepositoryFilter(): [string | undefined, (name: string | undefined) => void] {
  const [value, setValue] = useState(chosen);
  return [
    value,
    (name) => {
      chosen = name;
      setValue(name);
    },
  ];
}

export function RepositoryPicker({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (name: string | undefined) => void;
}) {
  const id = useId();
  const { data } = useApiQuery('listRepositories', {});
  // Nothing to choose between until decisions come from a repository.
  if (!data?.length && value === undefined) return null;
  const known = data?.some((r) => r.name === value) ?? false;
  return (
    <>
      <label htmlFor={id}>Repository</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All repositories</option>
        {data?.map((r) => (
          <option key={r.id} value={r.name}>
            {r.name} ({countOf(r.decisions, 'decision')})
          </option>
        ))}
        {value !== undefined && !known && <option value={value}>{value}</option>}
      </select>
    </>
  );
}
