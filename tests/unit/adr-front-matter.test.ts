import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asIsoDate,
  asList,
  asText,
  parseFrontMatter,
  plainFrontMatter,
  yamlFrontMatter,
  yamlInline,
  yamlScalar,
} from '../../shared/adr/front-matter.js';
import { FIXTURES } from '../helpers/adr.js';
import { rng } from '../helpers/fuzz.js';
import { mulberry32 } from '../../shared/robustness.js';

/** The text between a file's `---` lines, or null when it has none. */
function frontMatterOf(text: string): string | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*$/m.exec(text);
  return m ? m[1]!.replace(/\r\n/g, '\n') : null;
}

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

/** Front matters the quick reading must either read exactly as YAML does, or leave to it. */
const CRAFTED = [
  'status: accepted\ndate: 2024-03-01\n',
  `status: accepted\ndecision-makers: ${yamlInline(['Ada Lovelace', 'Grace Hopper'])}\ntags: []\n`,
  `consulted: ${yamlInline(["O'Brien", 'Team (platform)', 'a.b/c+d'])}\n`,
  'status: true\n',
  'status: Null\n',
  'status: FALSE\n',
  'true: accepted\n',
  'null: x\n',
  'status: yes\nreview: no\n',
  'date: 2024-3-1\n',
  'count: 12\n',
  'ratio: 1.5e3\n',
  'hex: 0x1F\n',
  'inf: .inf\n',
  'status: accepted # was proposed\n',
  'status: accepted  \n',
  'status:  accepted\n',
  'status:\taccepted\n',
  'status:\n',
  'status: accepted\n\ndate: 2024-03-01\n',
  'status: accepted\nstatus: rejected\n',
  'tags: [a,b]\n',
  'tags: [a,  b]\n',
  'tags: [a, [b]]\n',
  'tags: ["a", b]\n',
  'tags:\n  - a\n  - b\n',
  'title: "Use: colons"\n',
  "title: 'quoted'\n",
  'title: a: b\n',
  'title: multi\n  line\n',
  'link: http://example.org/x\n',
  'e: e5\n',
  'x: y\n',
  '',
  '# only a comment\n',
  'k: v',
  `${'k'.repeat(101)}: v\n`,
  'a-b_c: Some words, with a comma\n',
  'a: [x, y]\nb: z\n',
  'emoji: caf\u00e9\n',
];

describe('front matter of plain key: value lines, read without the YAML library', () => {
  it('reads what the library reads: values, where each sits, quotes and order', () => {
    const src =
      '# optional metadata\nstatus: "accepted"\ndate: 2024-03-05\n\ndecision-makers: Ada, Grace  \ntitle: \'Use X: the plan\'\nx_y: a:b#c\n';
    const fast = plainFrontMatter(src);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(yamlFrontMatter(src));
    expect(fast!.data).toEqual({
      status: 'accepted',
      date: '2024-03-05',
      'decision-makers': 'Ada, Grace',
      title: 'Use X: the plan',
      x_y: 'a:b#c',
    });
    expect(fast!.keys.map((k) => src.slice(k.valueStart, k.valueEnd))).toEqual([
      '"accepted"',
      '2024-03-05',
      'Ada, Grace',
      "'Use X: the plan'",
      'a:b#c',
    ]);
  });

  it('leaves to the library whatever is not one line of text (or a flow list of text) per key', () => {
    expect(plainFrontMatter('tags: [a, b]\n')).toEqual(parseFrontMatter('tags: [a, b]\n'));
    for (const src of [
      'tags: [a,b]\n',
      'tags: [a, [b]]\n',
      'tags: [1, b]\n',
      'decision-makers:\n  - Ada\n',
      'informed:\n',
      'nav_order: 3\n',
      'flag: true\n',
      'status: accepted # for now\n',
      'a: 1\na: 2\n',
      'title: one\n  two\n',
      'x: !custom 1\n',
      'x: &a b\ny: *a\n',
      'x: "tab\\t"\n',
      "x: 'it''s'\n",
      'null: x\n',
      '__proto__: x\n',
      'x: a: b\n',
      'x:\ty\n',
    ])
      expect(plainFrontMatter(src), src).toBeNull();
    // …and the library still reads them, or refuses them with its reason.
    expect(parseFrontMatter('nav_order: 3\n')).toMatchObject({ ok: true, data: { nav_order: 3 } });
    expect(parseFrontMatter('a: 1\na: 2\n').ok).toBe(false);
  });

  it('agrees with the library on every front matter of every fixture', () => {
    let read = 0;
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        if (!e.isFile() || !e.name.endsWith('.md')) continue;
        const source = frontMatterOf(fs.readFileSync(full, 'utf8'));
        const fast = source === null ? null : plainFrontMatter(source);
        if (fast === null) continue;
        expect(fast, full).toEqual(yamlFrontMatter(source!));
        read++;
      }
    };
    walk(path.dirname(FIXTURES));
    expect(read).toBeGreaterThan(3);
  });

  it('agrees with the library on generated lines: whenever it reads one, it reads it as the library does', () => {
    const r = rng(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
    // prettier-ignore
    const keys = ['status', 'date', 'decision-makers', 'title', 'consulted', 'x_y', 'True', 'NULL', 'e5', 'A-', '_k', 'constructor'];
    const colons = [': ', ': ', ': ', ':  ', ':', ' : ', ':\t', ': \t'];
    const plain = ['accepted', '2024-03-05', 'Ada, Grace', 'Müller', 'Use X', 'a', ' b'];
    // Everything YAML gives a meaning to, or refuses, in a value.
    // prettier-ignore
    const odd = [
      'a:b', 'a: b', 'a:', 'a #c', 'a#b', '#c', ' ', '  ', '"', "'", '\\', '[', ']', '{', '}', ',', '-', '- ', '?',
      '|', '>', '&a', '*a', '!t', '%', '@', '`', '~', '12', '0x1F', '0o7', '1.5', '.5', '-3', '+4', '1e3', '.inf',
      '.NaN', 'true', 'False', 'yes', 'null', 'Null', '—', '\t', '\u0085', '\u2028', '\uFEFF', '\u00A0', '🙂',
      '\u0007', '\r',
    ];
    const value = () => {
      const v = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r() < 0.8 ? plain : odd)).join('');
      const q = r();
      return q < 0.15 ? `"${v}"` : q < 0.3 ? `'${v}'` : v;
    };
    const after = ['', '', '', '', '', '\n', '# note\n', '  indented\n', '   \n', '\t\n', '- item\n'];
    const line = () => `${pick(keys)}${pick(colons)}${value()}\n${pick(after)}`;
    let read = 0;
    for (let i = 0; i < 4000; i++) {
      const src = Array.from({ length: 1 + Math.floor(r() * 3) }, line).join('');
      const fast = plainFrontMatter(src);
      if (fast === null) continue;
      expect(fast, JSON.stringify(src)).toEqual(yamlFrontMatter(src));
      read++;
    }
    // The generator must give the fast reading real work, not only lines it declines.
    expect(read).toBeGreaterThan(400);
  });
  it('reads crafted front matters exactly as the library does, or leaves them to it', () => {
    let read = 0;
    for (const source of CRAFTED) {
      const fast = plainFrontMatter(source);
      if (!fast) continue;
      read++;
      expect({ source, ...fast }).toEqual({ source, ...yamlFrontMatter(source) });
    }
    // The forms Cairn writes are read; the test above is not empty.
    expect(read).toBeGreaterThanOrEqual(8);
  });

  it('agrees with the library on generated lines with flow lists of text (`tags: [a, b]`, as Cairn writes them)', () => {
    const random = mulberry32(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const pieces = [
      'a',
      'Z',
      '0',
      '9',
      ' ',
      '.',
      '-',
      '_',
      '/',
      '(',
      ')',
      "'",
      '+',
      'true',
      'null',
      'e5',
      '2024-03-01',
      ':',
      '#',
      ',',
    ];
    const text = () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(pieces)).join('');
    let taken = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, j) => {
        const value =
          random() < 0.3 ? `[${Array.from({ length: Math.floor(random() * 3) }, text).join(', ')}]` : text();
        return `${pick(['status', 'date', 'tags', 'x-y', 'k_1'])}${j}: ${value}`;
      });
      const source = lines.join('\n') + '\n';
      const quick = plainFrontMatter(source);
      if (!quick) continue;
      taken++;
      expect({ source, ...quick }).toEqual({ source, ...yamlFrontMatter(source) });
    }
    expect(taken).toBeGreaterThan(300);
  });
});
