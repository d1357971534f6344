/**
 * What the CLI prints is safe for a terminal: a hostile title cannot set the window title, clear
 * the screen or ring the bell, through any command; and a reader that goes away (`| head -1`)
 * ends the command quietly, without a stack trace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { terminalSafe } from '../../electron/cli/terminal.js';
import { bundleCli } from '../helpers/cli-bundle.js';
import { tempDir } from '../helpers/temp.js';

async function cairn(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = 'Pick \u001b]0;owned\u0007a queue \u001b[2J\u001b[1;1H\u0008\u000d\u202egnp.exe';

describe('terminal output', () => {
  it('escapes control characters in list, show, search and errors, and keeps the text readable', async () => {
    const db = path.join(tempDir(), 'cairn.db');
    const id = (await cairn('new', HOSTILE, '--db', db)).out.trim();
    for (const argv of [['list'], ['show', id], ['search', 'queue'], ['show', `missing\u001b[2J`]]) {
      const r = await cairn(...argv, '--db', db);
      const text = r.out + r.err;
      expect(text, argv.join(' ')).not.toMatch(RAW_CONTROL);
      if (argv[0] !== 'show' || argv[1] === id)
        expect(text, argv.join(' ')).toContain('Pick \\x1B]0;owned\\x07a queue \\x1B[2J');
    }
    // JSON output stays JSON with the title intact.
    const listed = JSON.parse((await cairn('list', '--json', '--db', db)).out) as { title: string }[];
    expect(listed[0]!.title).toBe(HOSTILE);
  });

  it('shows every unsafe character as a visible escape, and leaves tabs, newlines and other scripts alone', () => {
    expect(terminalSafe('a\u001b[31mb\u0007c\u009bd\u202ee\u2066f')).toBe('a\\x1B[31mb\\x07c\\x9Bd\\u202Ee\\u2066f');
    expect(terminalSafe('line 1\n\tline 2 — Grüße, 日本, עברית')).toBe('line 1\n\tline 2 — Grüße, 日本, עברית');
  });
});

describe('a reader that goes away', () => {
  let cli = '';
  beforeAll(async () => {
    cli = await bundleCli('cli-terminal');
  });

  it('ends `cairn list` and `cairn export` quietly when the pipe closes (EPIPE), and the export still finishes', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cairn.db');
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    for (let i = 0; i < 30; i++) expect((await cairn('new', `Decision ${i}`, '--db', db)).code).toBe(0);
    // `true` exits at once, so every write of the CLI meets a closed pipe.
    for (const args of [['list'], ['list', '--json'], ['export', '--dir', repo]]) {
      const quoted = [cli, ...args, '--db', db].map((a) => `'${a}'`).join(' ');
      const r = spawnSync(
        'bash',
        ['-o', 'pipefail', '-c', `sleep 0.05 | true; '${process.execPath}' ${quoted} | true`],
        { encoding: 'utf8' },
      );
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status, args.join(' ')).toBe(0);
    }
    expect(fs.readdirSync(path.join(repo)).filter((n) => n.endsWith('.md')).length).toBe(31);
  });
});
