/**
 * The read view, tried as a user would: imported ADRs of each dialect open rendered and say what
 * their file says, hostile text renders with nothing unsafe in the DOM of the real screen, and
 * the guided decision's review shows exactly the text export writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HOSTILE_MARKDOWN } from '../fixtures/hostile-markdown.js';
import { expect, test } from './fixtures.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/read');

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cairn-read-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Everything in the rendered ADR that could run code, leak a request or leave the app. */
function unsafeInRendered(page: Page, label: string) {
  return page.evaluate((name) => {
    const root = document.querySelector(`[aria-label="${name}"]`);
    if (!root) return ['nothing rendered'];
    const problems: string[] = [];
    // Only what markdown-it's escaping renderer makes may appear; raw HTML would bring anything else.
    const allowed = new Set([
      'P',
      'H2',
      'H3',
      'H4',
      'H5',
      'H6',
      'UL',
      'OL',
      'LI',
      'A',
      'EM',
      'STRONG',
      'CODE',
      'PRE',
      'BLOCKQUOTE',
      'TABLE',
      'THEAD',
      'TBODY',
      'TR',
      'TH',
      'TD',
      'HR',
      'BR',
      'SPAN',
      'SECTION',
      'SUP',
      'S',
      'DEL',
    ]);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toUpperCase();
      if (!allowed.has(tag)) problems.push(`element ${tag}`);
      for (const attr of Array.from(el.attributes)) {
        const attrName = attr.name.toLowerCase();
        if (attrName.startsWith('on')) problems.push(`handler ${attrName} on ${tag}`);
        if (attrName === 'style') problems.push(`style on ${tag}`);
        if (attrName === 'href' || attrName === 'src') {
          const url = new URL(attr.value, document.baseURI);
          if (!['http:', 'https:', 'mailto:'].includes(url.protocol))
            problems.push(`${attrName}=${attr.value} on ${tag}`);
        }
      }
    }
    const pwned = (window as unknown as { pwned?: string[] }).pwned ?? [];
    if (pwned.length) problems.push(`script ran: ${pwned.join(', ')}`);
    return problems;
  }, label);
}

for (const { dialect, file, title, heading, listItem, link, footnote } of [
  {
    dialect: 'madr4',
    file: '0001-keep-a-decision-log.md',
    title: 'Keep a decision log',
    heading: 'Pros and Cons of the Options',
    listItem: 'Good, because pull requests review it',
    link: 'ADR 2',
    footnote: 'Exit interviews of 2024',
  },
  {
    dialect: 'nygard',
    file: '0001-record-architecture-decisions.md',
    title: 'Record architecture decisions',
    heading: 'Consequences',
    listItem: 'Every significant decision gets a short file.',
    link: 'ADR 2',
    footnote: 'The team agreed on this in the kickoff.',
  },
  {
    dialect: 'log4brains',
    file: '20240105-use-log4brains.md',
    title: 'Use Log4brains to manage the ADRs',
    heading: 'Links',
    listItem: 'A searchable site',
    link: 'Use Markdown Architectural Decision Records',
    footnote: 'Log4brains project',
  },
]) {
  test(`an imported ${dialect} ADR opens rendered and says what its file says`, async ({ app, page }) => {
    const dir = copyFixture(dialect);
    try {
      await app.api('importFolder', { dir });
      await app.readDecision(title);
      const adr = app.renderedAdr();
      await expect(adr.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      // Front matter reads as fields, not as a heading underlined by its closing `---`.
      if (dialect === 'madr4') await expect(page.getByLabel('Front matter')).toContainText('decision-makersAna, Bo');
      await expect(adr.getByRole('listitem').filter({ hasText: listItem }).first()).toBeVisible();
      // The footnote reference jumps to its note, and the note links back.
      const ref = adr.locator('sup.footnote-ref a').first();
      await ref.click();
      const note = adr.locator('.footnote-item').first();
      await expect(note).toBeFocused();
      await expect(note).toContainText(footnote);
      expect(new URL(page.url()).hash).toMatch(/^#\/decisions\/[^/]+$/);
      // The raw text is the file's own bytes.
      await page.getByLabel('Show the Markdown text').check();
      const raw = await page.getByLabel('The ADR (Markdown text)').textContent();
      expect(raw).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
      await page.getByLabel('Show the Markdown text').uncheck();
      // A link to another ADR of the folder opens that decision in Cairn.
      await adr.getByRole('link', { name: link }).click();
      await expect(page.getByRole('heading', { level: 1 })).not.toContainText(title);
      await expect(app.renderedAdr()).toBeVisible();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('outside links open a new window; tables and code render', async ({ app }) => {
  const dir = copyFixture('madr4');
  try {
    await app.api('importFolder', { dir });
    await app.readDecision('Keep a decision log');
    const adr = app.renderedAdr();
    await expect(adr.getByRole('link', { name: 'the MADR site' })).toHaveAttribute('target', '_blank');
    await expect(adr.getByRole('table')).toContainText('medium');
    await expect(adr.locator('pre code')).toContainText('adr new');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile ADR text renders in the read view with nothing unsafe in the DOM', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.evaluate(() => {
    const w = window as unknown as { pwned: string[] };
    w.pwned = [];
    window.alert = (m?: unknown) => void w.pwned.push(String(m));
  });
  const inputs = HOSTILE_MARKDOWN.filter((h) => h.source.length < 20_000);
  expect(inputs.length).toBeGreaterThan(30);
  const unsafe: { input: string; problems: string[] }[] = [];
  const base = app.url.replace(/#.*/, '');
  for (const { name, source } of inputs) {
    const d = await app.api('createDecision', {
      content: {
        title: `Hostile: ${name}`.slice(0, 200),
        context: source.slice(0, 100_000),
        moreInformation: source.slice(0, 100_000),
      },
    });
    await page.goto(`${base}#/decisions/${d.id}`);
    await page.evaluate(() => {
      const w = window as unknown as { pwned: string[] };
      w.pwned ??= [];
      window.alert = (m?: unknown) => void w.pwned.push(String(m));
    });
    await expect(app.renderedAdr()).toBeVisible();
    await page.waitForTimeout(5);
    const problems = await unsafeInRendered(page, 'The ADR');
    if (problems.length) unsafe.push({ input: name, problems });
  }
  expect(unsafe).toEqual([]);
});

test('the guided review shows exactly the text export writes', async ({ app, page, served }) => {
  const dir = copyFixture('nygard');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-read-out-'));
  try {
    await app.api('importFolder', { dir });
    await app.readDecision('Use PostgreSQL');
    await page.getByRole('link', { name: /guided decision/i }).click();
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Step 5: / })
      .click();
    await app.expectStep(5, 'Review');
    await page.getByLabel('Show the Markdown text').check();
    const shown = await page.getByLabel('Preview of the exported ADR (Markdown text)').textContent();
    expect(shown).toContain('We will use PostgreSQL 16.');
    const plan = (await served.api('planExport', { ids: [], dir: out, index: false })) as {
      files: { file: string; text: string; title: string }[];
    };
    const file = plan.files.find((f) => f.title === 'Use PostgreSQL');
    expect(file?.text).toBe(shown);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});
