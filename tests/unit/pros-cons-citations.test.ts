/**
 * A pro or con that cites claims, as the exported ADR prints it: the claim's footnote, the same
 * one the outcome and the consequences use (one per claim), only for claims the ADR may cite,
 * in both dialects; a description that cites nothing is printed exactly as it is.
 */
import { describe, expect, it } from 'vitest';
import { renderAdr } from '../../shared/adr/render.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import { parseAdr } from '../../shared/adr/parse.js';
import { contentFromFile, readExtra } from '../../shared/adr/content.js';
import { readProsCons } from '../../shared/adr/pros-cons.js';
import { claimsByLabel, footnoteLabel } from '../../shared/adr/citations.js';
import { matrixForExport } from '../../shared/scoring.js';
import { Decision } from '../../shared/domain.js';
import { claim, decision, driver, option } from '../helpers/decisions.js';

const base = {
  title: 'Pick a runtime',
  drivers: [driver('d1', 'Waiting on I/O', 5), driver('d2', 'Number crunching', 0)],
  options: [
    {
      ...option('o1', 'Node.js'),
      description:
        'The JavaScript runtime.\n\n* Good, because one loop serves many sockets.[^c-io]\n* Bad, because heavy maths blocks the loop.[^c-cpu][^c-rej]',
    },
    { ...option('o2', 'Python'), description: '* Good, because the team knows it.' },
  ],
  chosenOption: 'o1',
  rationale: 'Waiting on I/O matters most.',
  evaluation: {
    claims: [
      claim('c-io', 'd1', 'o1', 'good', 'Handles many idle connections'),
      claim('c-cpu', 'd2', 'o1', 'bad', 'Slow at maths'),
      claim('c-rej', 'd1', 'o1', 'bad', 'Callbacks everywhere', 'rejected'),
    ],
  },
};

const render = (format: 'madr' | 'nygard', content: Parameters<typeof decision>[2] = base) => {
  const d = decision('x', 3, content);
  return renderAdr(d, format, { number: 3, numberWidth: 4, links: [], analysis: matrixForExport(d) });
};

describe('a pro or con citing claims, exported', () => {
  it.each(['madr', 'nygard'] as const)('%s: cites its claim with the footnote the outcome uses, once', (format) => {
    const text = render(format);
    expect(text).toContain('* Good, because one loop serves many sockets.[^c-io]\n');
    // The outcome cites the same claim: one footnote for both.
    expect(text).toMatch(/because Waiting on I\/O matters most\.\[\^c-io\]/);
    expect(text.match(/^\[\^c-io\]: /gm)).toHaveLength(1);
    expect(text).toContain('[^c-io]: *A source*, undated.');
  });

  it('leaves out a claim the ADR may not cite: rejected, or under a criterion weighted 0', () => {
    const text = render('madr');
    expect(text).toContain('* Bad, because heavy maths blocks the loop.\n');
    expect(text).not.toContain('[^c-cpu]');
    expect(text).not.toContain('[^c-rej]');
  });

  it('prints a description that cites nothing exactly as it is', () => {
    const text = render('madr');
    expect(text).toContain('### Python\n\n* Good, because the team knows it.\n');
  });

  it('labels an unsafe claim id the way every footnote does, and reads it back to the same claim', () => {
    const id = 'Own claim: 3 (typed)';
    const label = footnoteLabel(id);
    const content = {
      ...base,
      options: [{ ...option('o1', 'Node.js'), description: `* Good, because we like it.[^${label}]` }],
      evaluation: { claims: [{ ...claim(id, 'd1', 'o1', 'good', 'We like it'), own: true, source: null }] },
    };
    const text = render('madr', content);
    expect(text).toContain(`* Good, because we like it.[^${label}]`);
    expect(text).toContain(`[^${label}]: Own claim of the decision-makers, no source given.`);
    const labels = claimsByLabel(Decision.parse(decision('x', 3, content)).evaluation.claims);
    const read = readProsCons(content.options[0]!.description, (l) => labels.has(l));
    expect(read.items[0]!.cites!.map((l) => labels.get(l)!.id)).toEqual([id]);
  });

  it('an imported file written back in its own style gets no footnote marks from a citation', () => {
    const raw =
      '# Pick a runtime\n\n## Considered Options\n\n* Node.js\n\n## Pros and Cons of the Options\n\n### Node.js\n\n* Good, because it waits well.\n';
    const parsed = parseAdr(raw, '0003-pick-a-runtime.md');
    if (!parsed.ok) throw new Error(parsed.reason);
    const content = contentFromFile(parsed.adr, raw, {
      file: '0003-pick-a-runtime.md',
      extra: readExtra({}, '0003-pick-a-runtime.md'),
    });
    const imported = decision('x', 3, content);
    expect(renderImported({ ...imported, origin: content.origin })).toBe(raw);
    const cited = {
      ...imported,
      options: imported.options.map((o) => ({ ...o, description: '* Good, because it waits well now.[^c-io]' })),
      evaluation: {
        ...imported.evaluation,
        claims: [claim('c-io', 'd1', imported.options[0]!.id, 'good', 'Waits') as never],
      },
    };
    expect(renderImported({ ...Decision.parse(cited), origin: content.origin })).toBe(
      raw.replace('it waits well.', 'it waits well now.'),
    );
  });
});
