import { describe, expect, it } from 'vitest';
import { diffContent, diffWords } from '../../shared/revision-diff.js';
import { DecisionContent } from '../../shared/domain.js';
import { claim, driver, option } from '../helpers/decisions.js';

const before = DecisionContent.parse({
  title: 'Pick a runtime',
  date: '2026-01-10',
  tags: ['backend'],
  context: 'The reporting service renders large PDF reports every night and serves a small API during the day.',
  drivers: [driver('d1', 'Real-time and streaming', 3), driver('d2', 'Hiring', 2)],
  options: [option('o1', 'Python'), option('o2', 'Node.js')],
  evaluation: {
    claims: [claim('c1', 'd1', 'o1', 'bad', 'Async in Python is younger.')],
    scores: [{ option: 'o1', driver: 'd1', value: 2 }],
  },
});

describe('word diff', () => {
  it('marks the words that changed and keeps the rest', () => {
    expect(diffWords('the quick brown fox', 'the slow brown fox jumps')).toEqual([
      { op: 'same', text: 'the ' },
      { op: 'del', text: 'quick' },
      { op: 'add', text: 'slow' },
      { op: 'same', text: ' brown fox' },
      { op: 'add', text: ' jumps' },
    ]);
  });

  it('shows a rewritten phrase as one removal and one addition, not word by word', () => {
    expect(diffWords('reports are batch jobs.', 'reports run at night.')).toEqual([
      { op: 'same', text: 'reports ' },
      { op: 'del', text: 'are batch jobs' },
      { op: 'add', text: 'run at night' },
      { op: 'same', text: '.' },
    ]);
  });

  it('joins back into either text', () => {
    const a = 'One two three.\nFour five six.';
    const b = 'One 2 three.\nFour five six seven.\nEight.';
    const segs = diffWords(a, b);
    expect(
      segs
        .filter((s) => s.op !== 'add')
        .map((s) => s.text)
        .join(''),
    ).toBe(a);
    expect(
      segs
        .filter((s) => s.op !== 'del')
        .map((s) => s.text)
        .join(''),
    ).toBe(b);
  });
});

describe('diff between two revisions', () => {
  it('has nothing to say about identical content', () => {
    expect(diffContent(before, before)).toEqual([]);
  });

  it('names each change the way the editor does', () => {
    const after = DecisionContent.parse({
      ...before,
      title: 'Pick a runtime for reports',
      status: 'accepted',
      tags: ['backend', 'reports'],
      context: 'The reporting service renders large PDF reports every night and serves a busy API during the day.',
      drivers: [{ ...before.drivers[0]!, weight: 5 }],
      options: [...before.options, option('o3', 'Go')],
      chosenOption: 'o1',
      evaluation: {
        ...before.evaluation,
        claims: [{ ...before.evaluation.claims[0]!, verdict: 'rejected' }],
        scores: [{ option: 'o1', driver: 'd1', value: 4 }],
      },
      relations: [{ type: 'supersedes', target: 'x' }],
    });
    const changes = diffContent(before, after);
    expect(changes.map((c) => [c.label, c.kind, c.before, c.after])).toEqual([
      ['Title', 'changed', 'Pick a runtime', 'Pick a runtime for reports'],
      ['Status', 'changed', 'proposed', 'accepted'],
      ['Context and problem statement', 'changed', before.context, after.context],
      ['Tags', 'changed', 'backend', 'backend, reports'],
      ['Driver removed', 'removed', 'Hiring', null],
      ['Driver “Real-time and streaming”: weight', 'changed', '3', '5'],
      ['Option added', 'added', null, 'Go'],
      ['Chosen option', 'added', null, 'Python'],
      ['Claim “Async in Python is younger.”: verdict', 'changed', 'accepted', 'rejected'],
      ['Score of Python for Real-time and streaming', 'changed', '2', '4'],
      ['Relation added', 'added', null, 'supersedes x'],
    ]);
    const context = changes.find((c) => c.field === 'context')!;
    expect(context.segments!.filter((s) => s.op !== 'same')).toEqual([
      { op: 'del', text: 'small' },
      { op: 'add', text: 'busy' },
    ]);
    expect(changes.find((c) => c.field === 'title')!.segments).toBeNull();
  });

  it('does not report a reordered list as changed', () => {
    const reordered = { ...before, drivers: [...before.drivers].reverse() };
    expect(diffContent(before, reordered)).toEqual([]);
  });

  it('falls back to replacing a very long text instead of aligning every word', () => {
    const long = (w: string) => Array.from({ length: 3000 }, (_, i) => `${w}${i}`).join(' ');
    const segs = diffWords(long('a'), long('b'));
    expect(segs.map((s) => s.op)).toEqual(['del', 'add']);
  });
});
