import { recordFigures } from '../helpers/trust-figures.js';
import { expect, test } from './fixtures.js';
import { CairnApp } from './pages/CairnApp.js';

/**
 * Electron checklist item 2 seen from inside the page: the renderer has no Node.js. The same
 * renderer build runs here as in the desktop window (where the preload adds only `window.cairn`).
 * While the app is used, the Content-Security-Policy must never have to block anything.
 */
test('the renderer has no require, process or module, and the CSP is never violated', async ({ served, page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  const app = new CairnApp(page, served.url);
  const response = await page.goto(served.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await app.open();
  await app.createDecision('Isolation check');
  await app.fill('Context and problem statement', 'Typed in the renderer.');
  await app.waitUntilSaved();

  const globals = await page.evaluate(() => {
    const g = globalThis as Record<string, unknown>;
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
      global: typeof g.global,
      electron: typeof g.electron,
      ipcRenderer: typeof g.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    global: 'undefined',
    electron: 'undefined',
    ipcRenderer: 'undefined',
  });

  // Inline script is refused by the policy even if something managed to inject it.
  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  const unexpected = violations.filter((v) => !/^script-src(-elem)? inline$/.test(v));
  recordFigures('electron-renderer', {
    nodeGlobalsUndefined: true,
    inlineScriptBlocked: !inlineRan,
    unexpectedViolations: unexpected,
  });
  expect(unexpected).toEqual([]);
});
