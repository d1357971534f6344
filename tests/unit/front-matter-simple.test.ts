import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainFrontMatter, yamlFrontMatter, yamlInline } from '../../shared/adr/front-matter.js';
import { mulberry32 } from '../../shared/robustness.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures');

/** The front matter of every Markdown fixture that has one. */
function fixtureFrontMatters(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) {
        const m = /^---\r?\n([\s\S]*?\r?\n)---\r?\n/.exec(fs.readFileSync(full, 'utf8'));
        if (m) found.push(m[1]!.replace(/\r\n/g, '\n'));
      }
    }
  };
  walk(FIXTURES);
  return found;
}

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

describe('front matter read without the YAML parser', () => {
  it('reads what it takes exactly as the YAML parser does, and leaves the rest to it', () => {
    const cases = [...CRAFTED, ...fixtureFrontMatters()];
    let taken = 0;
    for (const source of cases) {
      const quick = plainFrontMatter(source);
      if (!quick) continue;
      taken++;
      expect({ source, ...quick }).toEqual({ source, ...yamlFrontMatter(source) });
    }
    // The forms Cairn writes are taken; the test above is not empty.
    expect(taken).toBeGreaterThanOrEqual(8);
  });

  it('agrees with the YAML parser on thousands of generated lines', () => {
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

  it('leaves to the YAML parser what YAML reads as something other than the text written', () => {
    for (const source of ['status: true\n', 'count: 12\n', 'null: x\n', 'status: accepted # note\n', 'tags: [a,b]\n'])
      expect(plainFrontMatter(source)).toBeNull();
  });
});
