import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** axe-core's own script, put into a page the first time a check runs there. */
const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility check of a page: what it covers, then `analyze()`. */
export interface AxeCheck {
  /** Checks only what matches this selector (called again: that too). */
  include(selector: string): AxeCheck;
  /** Runs only the rules with these tags (e.g. `wcag2aa`). */
  withTags(tags: string[]): AxeCheck;
  /** Runs only these rules. */
  withRules(rules: string[]): AxeCheck;
  analyze(): Promise<AxeResults>;
}

/**
 * axe-core as every spec runs it: `axe.run` in the page, the way `@axe-core/playwright`'s legacy
 * mode does, but with axe put into the page once per document. The app routes by the address's
 * hash, so a whole walk of screens is one document; that wrapper evaluated axe's script (about
 * 500 kB) twice on every check and configured it again, most of a check's time on a small screen.
 * The app has no frames, so none is entered. Only the violations are collected in full.
 */
export function axe(page: Page): AxeCheck {
  const include: string[][] = [];
  let runOnly: RunOptions['runOnly'];
  const check: AxeCheck = {
    include(selector) {
      include.push([selector]);
      return check;
    },
    withTags(tags) {
      runOnly = { type: 'tag', values: tags };
      return check;
    },
    withRules(rules) {
      runOnly = { type: 'rule', values: rules };
      return check;
    },
    async analyze() {
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
      const options: RunOptions = { resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) };
      return page.evaluate(
        ({ include, options }) =>
          (window as unknown as { axe: typeof import('axe-core') }).axe.run(
            include.length ? { include } : document,
            options,
          ),
        { include, options },
      );
    },
  };
  return check;
}
