import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseAdr } from '../../shared/adr/parse.js';
import { renderAdr } from '../../shared/adr/render.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import type { AdrFormat, RenderOptions } from '../../shared/adr/types.js';
import { Decision, type DecisionContentInput } from '../../shared/domain.js';
import { addDays, daysBetween, describeDue, reviewState } from '../../shared/review.js';
import { matrixForExport } from '../../shared/scoring.js';
import { decisionFrom } from '../helpers/adr.js';

function decision(content: Partial<DecisionContentInput>): Decision {
  return Decision.parse({
    id: 'd1',
    number: 4,
    revision: 1,
    createdAt: 'x',
    updatedAt: 'x',
    trashedAt: null,
    title: 'Keep the queue',
    date: '2026-01-01',
    ...content,
  });
}

function options(d: Decision, extra: Partial<RenderOptions> = {}): RenderOptions {
  return { number: 4, numberWidth: 4, links: [], analysis: matrixForExport(d), ...extra };
}

const TRIGGERS = ['when traffic passes 5k requests/s, sustained', 'when free-threaded Python is the default'];

describe('review dates in exported ADRs', () => {
  const d = decision({ status: 'accepted', reviewBy: '2027-06-30', reviewTriggers: TRIGGERS, tags: ['infra'] });
  const cases: [string, AdrFormat, Partial<RenderOptions>][] = [
    ['MADR 4 front matter', 'madr', {}],
    ['MADR 2 / log4brains bullets', 'madr', { madrMetadata: 'list', listMarker: '-' }],
    ['Nygard', 'nygard', {}],
  ];
  it.each(cases)('%s: written and read back', (_name, format, extra) => {
    const text = renderAdr(d, format, options(d, extra));
    const parsed = parseAdr(text, '0004-keep-the-queue.md');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.adr.values.reviewBy).toBe('2027-06-30');
    expect(parsed.adr.values.reviewTriggers).toEqual(TRIGGERS);
    // Nothing else moved: title, status, date and tags read as before.
    expect(parsed.adr.values.title).toBe('Keep the queue');
    expect(parsed.adr.values.status).toBe('accepted');
    expect(parsed.adr.values.date).toBe('2026-01-01');
    expect(parsed.adr.unknownKeys).toEqual([]);
  });

  it('MADR keys are kebab case and plain YAML a generic reader understands', () => {
    const text = renderAdr(d, 'madr', options(d));
    const yaml = parseYaml(text.split('---\n')[1]!) as Record<string, unknown>;
    expect(yaml['review-by']).toBe('2027-06-30');
    expect(yaml['review-triggers']).toEqual(TRIGGERS);
    expect(yaml.status).toBe('accepted');
  });

  it('Nygard keeps title, Date and the Status section where adr-tools looks', () => {
    const text = renderAdr(d, 'nygard', options(d));
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 4. Keep the queue');
    expect(lines[2]).toBe('Date: 2026-01-01');
    expect(text).toContain('\nReview by: 2027-06-30\n');
    expect(text.indexOf('Review by:')).toBeLessThan(text.indexOf('## Status'));
    expect(text).toMatch(/## Status\n\nAccepted\n/);
  });

  it('a decision without a review date renders exactly as before (no review keys at all)', () => {
    const none = decision({ status: 'accepted' });
    for (const format of ['madr', 'nygard'] as const)
      expect(renderAdr(none, format, options(none))).not.toMatch(/review/i);
  });
});

describe('review dates other tools wrote', () => {
  it('reads reviewBy and review_triggers from front matter', () => {
    const got = decisionFrom('../review-dates/0001-cache-in-redis.md');
    expect(got.reviewBy).toBe('2026-03-02');
    expect(got.reviewTriggers).toEqual([
      'when traffic passes 5k requests/s, sustained',
      'when the managed cache gets cheaper',
    ]);
  });

  it('reads a "Review date:" line in a Nygard file, in another date style', () => {
    expect(decisionFrom('../review-dates/0002-use-python.md').reviewBy).toBe('2026-01-05');
  });

  it.each(['review-by', 'review_date', 'review-date', 'next-review'])('front-matter key %s', (key) => {
    const parsed = parseAdr(`---\nstatus: accepted\n${key}: 2027-01-02\n---\n\n# T\n`, '0001-t.md');
    expect(parsed.ok && parsed.adr.values.reviewBy).toBe('2027-01-02');
  });

  it('an unreadable review date is kept as written, with a warning', () => {
    const parsed = parseAdr(`---\nstatus: accepted\nreview-by: next spring\n---\n\n# T\n`, '0001-t.md');
    expect(parsed.ok && parsed.adr.values.reviewBy).toBe(null);
    expect(parsed.ok && parsed.adr.warnings.join(' ')).toMatch(/review date "next spring"/);
  });
});

describe('an imported file whose review date is edited', () => {
  it('changes only that value in the front matter, keeping the key spelling', () => {
    const d = decisionFrom('../review-dates/0001-cache-in-redis.md');
    const raw = d.origin!.raw;
    expect(renderImported(d)).toBe(raw);
    const text = renderImported({ ...d, reviewBy: '2027-03-02' })!;
    expect(text).toBe(raw.replace('reviewBy: 2026-03-02', 'reviewBy: 2027-03-02'));
  });

  it('adds the lines a Nygard file lacked, and a later parse reads them', () => {
    const d = decisionFrom('nygard/0002-deploy-with-scripts.md');
    const text = renderImported({ ...d, reviewBy: '2027-01-01', reviewTriggers: ['when we move to Kubernetes'] })!;
    expect(text).toContain('Review by: 2027-01-01');
    const again = parseAdr(text, '0002-deploy-with-scripts.md');
    expect(again.ok && again.adr.values.reviewBy).toBe('2027-01-01');
    expect(again.ok && again.adr.values.reviewTriggers).toEqual(['when we move to Kubernetes']);
    expect(again.ok && again.adr.values.status).toBe(d.status);
  });

  it('adds review keys to front matter that had none', () => {
    const d = decisionFrom('madr4/0001-use-feature-flags.md');
    const text = renderImported({ ...d, reviewBy: '2027-01-01', reviewTriggers: ['when flags pass 200'] })!;
    expect(text).toMatch(/\nreview-by: "?2027-01-01"?\nreview-triggers: \[.*when flags pass 200.*\]\n---/);
  });
});

describe('review states', () => {
  it('counts days and names the state', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(reviewState('2026-03-01', 'accepted', '2026-03-02')).toBe('overdue');
    expect(reviewState('2026-03-02', 'accepted', '2026-03-02')).toBe('due');
    expect(reviewState('2026-04-01', 'proposed', '2026-03-02')).toBe('due');
    expect(reviewState('2026-04-02', 'accepted', '2026-03-02')).toBe('scheduled');
    expect(reviewState('2020-01-01', 'superseded', '2026-03-02')).toBe('none');
    expect(reviewState(null, 'accepted', '2026-03-02')).toBe('none');
    expect(describeDue('2026-02-27', '2026-03-02')).toBe('overdue by 3 days');
    expect(describeDue('2026-03-02', '2026-03-02')).toBe('due today');
    expect(describeDue('2026-03-03', '2026-03-02')).toBe('due in 1 day');
  });
});
