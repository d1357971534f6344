/**
 * The first step of `npm test`, `test:e2e`, `screenshots` and `bench`: makes sure a Chromium is
 * here before anything launches one. Finds it (CHROMIUM_PATH, Playwright's own, the system's);
 * otherwise gets one the way this machine allows (Playwright's installer where it can download,
 * apt as root on Debian/Ubuntu); otherwise stops at once with one sentence saying what to run,
 * instead of letting every browser test fail on its own. The decisions live in scripts/chromium.ts.
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import {
  badChromiumPath,
  findChromium,
  headlessShellStep,
  installPlan,
  missingSentence,
  probeMachine,
  type FoundChromium,
  type InstallStep,
} from './chromium.js';

const probe = () => probeMachine(chromium.executablePath());

/** Whether Playwright's download host answers a name lookup within 3 s (or a proxy is configured). */
async function canDownload(): Promise<boolean> {
  if (process.env.HTTPS_PROXY || process.env.https_proxy) return true;
  const host = process.env.PLAYWRIGHT_DOWNLOAD_HOST
    ? new URL(process.env.PLAYWRIGHT_DOWNLOAD_HOST).hostname
    : 'cdn.playwright.dev';
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref());
  return Promise.race([
    lookup(host).then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
}

/** A Chromium that is there but does not start (a broken wrapper, a snap in a container) is no Chromium. */
function starts(found: FoundChromium): boolean {
  if (found.source === 'playwright') return true;
  const run = spawnSync(found.file, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return run.status === 0 && /chrom/i.test(run.stdout);
}

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

const first = probe();
const wrong = badChromiumPath(first);
if (wrong) fail(wrong);

let found = findChromium(first);
if (found && !starts(found)) {
  fail(
    `The Chromium at ${found.file} does not start (\`${found.file} --version\` failed): reinstall it, or set CHROMIUM_PATH to one that works.`,
  );
}

/** Runs an install step; the Chromium found after it, if it worked and that one starts. */
function take(step: InstallStep[number]): FoundChromium | null {
  const run = spawnSync(step.command[0]!, step.command.slice(1), { stdio: 'inherit' });
  const now = run.status === 0 ? findChromium(probe()) : null;
  return now && starts(now) ? now : null;
}

const tried: string[] = [];
if (!found) {
  const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  for (const step of installPlan(first, await canDownload(), playwrightCli)) {
    console.error(`No Chromium found; getting ${step.description}…`);
    tried.push(step.description);
    found = take(step);
    if (found) break;
  }
}
if (!found) fail(missingSentence(first, tried));

// A desktop Chromium does the job at about 1.5 times the CPU of Debian's headless shell: a CI
// machine gets the shell, anyone else a hint (a failed install leaves the browser that is here).
const lighter = headlessShellStep(first, found);
if (lighter?.step) {
  console.error(`Getting ${lighter.step.description}: the browser tests run on it in less CPU time…`);
  found = take(lighter.step) ?? found;
} else if (lighter) {
  console.error(lighter.hint);
}
console.error(
  `Chromium for the browser tests: ${found.file} (${found.source === 'playwright' ? "Playwright's own" : found.source === 'system' ? 'system' : 'CHROMIUM_PATH'})`,
);
