import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core as every spec runs it. Legacy mode runs `axe.run` in the page itself: the default
 * opens a blank page for every check to merge the frames' results in, which cost more than the
 * check (the app has no frames, and a cross-origin one would not be tested either way). Only the
 * violations are collected in full; the passes were most of what came back from each check.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode();
}
