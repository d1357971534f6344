/**
 * Which repository a screen shows (the timeline, the relation graph): "All repositories" or one of
 * those Cairn knows, each with its count. The choice is one for the session, so the timeline and
 * the graph show the same repository as a person moves between them.
 */
import { useState } from 'react';
import { useApiQuery } from '../data/query.js';
import { countOf } from '../number-format.js';
import { Select } from '../components/Fields.js';

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
  const { data } = useApiQuery('listRepositories', {});
  // Nothing to choose between until decisions come from a repository.
  if (!data?.length && value === undefined) return null;
  const known = data?.some((r) => r.name === value) ?? false;
  return (
    <Select
      label="Repository"
      labelPosition="beside"
      value={value ?? ''}
      choices={[
        { value: '', label: 'All repositories' },
        ...(data ?? []).map((r) => ({ value: r.name, label: `${r.name} (${countOf(r.decisions, 'decision')})` })),
        ...(value !== undefined && !known ? [{ value, label: value }] : []),
      ]}
      onChange={(name) => onChange(name || undefined)}
    />
  );
}
