import { describe, expect, it } from 'vitest';
import { asIsoDate, asList, asText, parseFrontMatter, yamlScalar } from '../../shared/adr/front-matter.js';

describe('front matter', () => {
  it('reads keys in order with their values and where each value sits', () => {
    const src = 'status: accepted\ndecision-makers:\n  - Ada\n  - Grace\nconsulted: [Ops]\ninformed:\n';
    const r = parseFrontMatter(src);
    if (!r.ok) throw new Error(r.error);
    expect(r.data).toEqual({
      status: 'accepted',
      'decision-makers': ['Ada', 'Grace'],
      consulted: ['Ops'],
      informed: null,
    });
    expect(r.keys.map((k) => [k.key, k.style])).toEqual([
      ['status', 'scalar'],
      ['decision-makers', 'block-seq'],
      ['consulted', 'flow-seq'],
      ['informed', 'empty'],
    ]);
    const status = r.keys[0]!;
    expect(src.slice(status.valueStart, status.valueEnd)).toBe('accepted');
    expect(r.keys[1]!.column).toBe(2);
  });

  it('keeps YAML 1.2 core types: a date stays text, numbers stay numbers', () => {
    const r = parseFrontMatter('date: 2020-01-02\nnav_order: 3\nflag: yes\n');
    expect(r.ok && r.data).toEqual({ date: '2020-01-02', nav_order: 3, flag: 'yes' });
  });

  it('refuses tags that other YAML loaders would turn into code or objects', () => {
    for (const src of [
      'x: !!js/function "function () {}"\n',
      'x: !ruby/object:Gem::Installer {}\n',
      'x: !custom 1\n',
      'x: !!python/object/apply:os.system ["ls"]\n',
    ]) {
      const r = parseFrontMatter(src);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/YAML tag .* plain values only/);
    }
    expect(parseFrontMatter('x: !!str 5\n').ok).toBe(true);
  });

  it('refuses an alias bomb before expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${new Array(9).fill('*' + 'abcdefgh'[i - 1]).join(', ')}]`);
    const r = parseFrontMatter(lines.join('\n') + '\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/aliases .*billion laughs/);
  });

  it('says where broken YAML is broken, and refuses duplicate keys, non-maps and oversized front matter', () => {
    const bad = parseFrontMatter('status: accepted\ndate: [2020-01-01\n', 2);
    expect(!bad.ok && bad.error).toMatch(/not valid YAML \(line \d+, column \d+\).*Fix the YAML/);
    expect(parseFrontMatter('a: 1\na: 2\n').ok).toBe(false);
    expect(parseFrontMatter('- a\n- b\n').ok).toBe(false);
    expect(parseFrontMatter('x: ' + 'y'.repeat(70_000)).ok).toBe(false);
    expect(parseFrontMatter('').ok).toBe(true);
  });

  it('turns odd types into text, lists and dates', () => {
    expect(asText(42)).toBe('42');
    expect(asText(null)).toBe('');
    expect(asText(['a', 'b'])).toBe('a, b');
    expect(asList('Ada, Grace')).toEqual(['Ada', 'Grace']);
    expect(asList('Ada; Grace')).toEqual(['Ada', 'Grace']);
    expect(asList(['Ada', 7, null])).toEqual(['Ada', '7']);
    expect(asList({ a: 1 })).toEqual([]);
    expect(asIsoDate('2016-2-3')).toBe('2016-02-03');
    expect(asIsoDate(20200102)).toBe('2020-01-02');
    expect(asIsoDate('2020/01/02')).toBe('2020-01-02');
    expect(asIsoDate('2020-01-02T10:00:00Z')).toBe('2020-01-02');
    expect(asIsoDate('12 Feb 2016')).toBe('2016-02-12');
    expect(asIsoDate('February 12, 2016')).toBe('2016-02-12');
    expect(asIsoDate('31.12.2019')).toBe('2019-12-31');
    expect(asIsoDate('2019-02-30')).toBeNull();
    expect(asIsoDate('{YYYY-MM-DD when decided}')).toBeNull();
  });

  it('writes scalars plain when YAML reads them back unchanged, quoted otherwise', () => {
    expect(yamlScalar('accepted')).toBe('accepted');
    expect(yamlScalar('superseded by ADR-0005')).toBe('superseded by ADR-0005');
    expect(yamlScalar('yes')).toBe('"yes"');
    expect(yamlScalar('12')).toBe('"12"');
    expect(yamlScalar('a: b')).toBe('"a: b"');
    expect(yamlScalar('')).toBe('""');
  });
});
