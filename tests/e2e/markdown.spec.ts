import { build } from 'esbuild';
import path from 'node:path';
import { BENIGN_MARKDOWN, HOSTILE_MARKDOWN } from '../fixtures/hostile-markdown.js';
import { recordFigures } from '../helpers/trust-figures.js';
import { expect, test } from './fixtures.js';

/** The real Markdown component in Chromium: the DOM is what counts, not the HTML string. */
let bundle = '';
test.beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'harness', 'markdown-harness.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  bundle = out.outputFiles[0]!.text;
});

const HARNESS = 'https://harness.test/';

test.beforeEach(async ({ page }) => {
  // Any request leaving the page (a remote image, a navigation) is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === HARNESS)
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><body><div id="root"></div></body></html>',
      });
    if (url === `${HARNESS}harness.js`) return route.fulfill({ contentType: 'text/javascript', body: bundle });
    return route.abort();
  });
  await page.goto(HARNESS);
  await page.evaluate(() => {
    const w = window as unknown as { pwned: string[] };
    w.pwned = [];
    window.alert = (m?: unknown) => void w.pwned.push(String(m));
  });
  await page.addScriptTag({ url: `${HARNESS}harness.js` });
});

/** Everything in the rendered DOM that could run code, leak a request or leave the app. */
function inspect(allowImages: boolean) {
  const problems: string[] = [];
  const root = document.querySelector('[aria-label="Rendered"]');
  if (!root) return ['nothing rendered'];
  const banned = new Set([
    'SCRIPT',
    'STYLE',
    'IFRAME',
    'OBJECT',
    'EMBED',
    'SVG',
    'MATH',
    'FORM',
    'INPUT',
    'BUTTON',
    'LINK',
    'META',
    'BASE',
    'DETAILS',
    'TEMPLATE',
    'VIDEO',
    'AUDIO',
    'SOURCE',
  ]);
  const okProtocols = new Set(['http:', 'https:', 'mailto:']);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toUpperCase();
    if (banned.has(tag)) problems.push(`element ${tag}`);
    if (tag === 'IMG' && !allowImages) problems.push('image element');
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`handler ${name} on ${tag}`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background'].includes(name)) {
        const resolved = new URL(attr.value, document.baseURI);
        const sameDoc = resolved.origin === location.origin;
        if (!okProtocols.has(resolved.protocol) && !sameDoc) problems.push(`${name}=${attr.value} on ${tag}`);
        if (tag === 'IMG' && name === 'src' && !/^https?:$/.test(resolved.protocol))
          problems.push(`image from ${attr.value}`);
      }
      if (name === 'style') problems.push(`style attribute on ${tag}`);
    }
  }
  const pwned = (window as unknown as { pwned: string[] }).pwned;
  if (pwned.length) problems.push(`script ran: ${pwned.join(', ')}`);
  return problems;
}

test('hostile Markdown leaves no script, handler or foreign scheme in the DOM', async ({ page }) => {
  test.setTimeout(120_000);
  const timings: { name: string; ms: number }[] = [];
  const unsafe: { input: string; remoteImages: boolean; problems: string[] }[] = [];
  for (const { name, source } of HOSTILE_MARKDOWN) {
    for (const allowImages of [false, true]) {
      const ms = await page.evaluate(([s, a]) => window.renderForTest(s, a), [source, allowImages] as const);
      // Give event handlers (onerror, onload) a moment to fire if any slipped through.
      await page.waitForTimeout(allowImages ? 30 : 5);
      const problems = await page.evaluate(inspect, allowImages);
      if (!allowImages) timings.push({ name, ms: Math.round(ms * 10) / 10 });
      if (problems.length) unsafe.push({ input: name, remoteImages: allowImages, problems });
    }
  }
  recordFigures('markdown-chromium', {
    inputs: HOSTILE_MARKDOWN.length,
    checked: timings.length,
    unsafeInputs: [...new Set(unsafe.map((u) => u.input))],
    timings,
    unsafeDetails: unsafe,
  });
  expect(unsafe).toEqual([]);
  expect(timings).toHaveLength(HOSTILE_MARKDOWN.length);
});

test('with remote images off, the page asks no other host for anything', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const { source } of HOSTILE_MARKDOWN.filter((h) => h.source.length < 100_000)) {
    await page.evaluate((s) => window.renderForTest(s, false), source);
  }
  await page.waitForTimeout(100);
  expect(requests.filter((u) => !u.startsWith(HARNESS))).toEqual([]);
});

test('footnote and relative links act inside the app; outside links open a new window', async ({ page }) => {
  await page.evaluate((s) => window.renderForTest(s, false), BENIGN_MARKDOWN);
  const region = page.getByRole('region', { name: 'Rendered' });
  await region.getByRole('link', { name: '[1]' }).click();
  await expect(region.locator('.footnote-item').first()).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
  await region.getByRole('link', { name: 'ADR 2' }).click();
  expect(await page.evaluate(() => window.relativeLinks)).toEqual(['0002-use-kafka.md']);
  expect(page.url()).toBe(HARNESS);
  await expect(region.getByRole('link', { name: 'the docs' })).toHaveAttribute('target', '_blank');
  await expect(region.getByRole('link', { name: 'the docs' })).toHaveAttribute('rel', 'noopener noreferrer');
});
