/**
 * The official Electron security checklist (electronjs.org/docs/latest/tutorial/security,
 * "Checklist: Security recommendations", 20 items), one test per item. The Electron binary
 * cannot run here, so each item is held by the settings as data, the policy functions called
 * with fake Electron objects, the preload bundled and run against a fake `electron` module, and
 * static checks of electron/main.ts. Item 2 is also checked in Chromium (tests/e2e/renderer-isolation.spec.ts).
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/index.js';
import { resolveAppFile, serveAppRequest } from '../../electron/host/app-protocol.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../electron/host/csp.js';
import { hardenSession, hardenWebContents, isAllowedRequest } from '../../electron/host/harden.js';
import { isTrustedSender, registerIpc } from '../../electron/host/ipc.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  channelFor,
  externalUrl,
  isAppUrl,
  webPreferences,
} from '../../electron/host/window-settings.js';
import { recordFigures } from '../helpers/trust-figures.js';
import { tempDir } from '../helpers/temp.js';
import { packagingConfig, packagingConfigFiles } from '../helpers/packaging-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const prefs = webPreferences('/app/preload.cjs');

/** Items are recorded only when their test reaches its end, i.e. every assertion held. */
const TOTAL = 20;
const enforced = new Set<number>();
afterAll(() => recordFigures('electron-checklist', { total: TOTAL, enforced: [...enforced].sort((a, b) => a - b) }));

// ---- static view of the Electron sources ---------------------------------------------------

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|html)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const electronSources = sourceFiles('electron');
const appSources = [...electronSources, ...sourceFiles('renderer')];

interface Call {
  callee: string;
  args: string[];
  node: ts.CallExpression | ts.NewExpression;
}
/** Every call and `new` in a file, with its callee and arguments as source text (comments excluded). */
function callsIn(rel: string): Call[] {
  const file = ts.createSourceFile(rel, read(rel), ts.ScriptTarget.Latest, true);
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      calls.push({
        callee: node.expression.getText(file),
        args: (node.arguments ?? []).map((a) => a.getText(file)),
        node,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}
const mainCalls = callsIn('electron/main.ts');
const calledIn = (calls: Call[], callee: string) => calls.filter((c) => c.callee === callee);

/** Text of every file with comments removed, so a policy word in a comment cannot satisfy or break a check. */
function codeOf(rel: string): string {
  if (rel.endsWith('.html')) return read(rel).replace(/<!--[\s\S]*?-->/g, '');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX, read(rel));
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan())
    out += scanner.getTokenText();
  return out;
}

// ---- fakes ---------------------------------------------------------------------------------

type Listener = (...args: unknown[]) => unknown;
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
  };
  const opened: string[] = [];
  hardenWebContents(contents as never, { openExternal: async (u) => void opened.push(u) });
  /** Emits an event the way Electron does (an Event carrying the URL, plus the deprecated positional url); true when it was prevented. */
  const emit = (event: string, url: string) => {
    let prevented = false;
    const e = { url, preventDefault: () => void (prevented = true) };
    for (const l of listeners.get(event) ?? []) l(e, url);
    return prevented;
  };
  return { listeners, emit, open: (url: string) => openHandler!({ url }), opened };
}

function fakeSession() {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
    setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
    setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h) },
  };
  hardenSession(session as never);
  return handlers;
}

const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'cairn://evil/index.html',
  'javascript:alert(1)',
  'data:text/html,x',
  'about:blank',
  'not a url',
];

// ---- the checklist ---------------------------------------------------------------------------

describe('Electron security checklist', () => {
  it('#1 only loads secure content: the app itself, from its own privileged scheme', () => {
    const loads = calledIn(mainCalls, 'win.loadURL');
    expect(loads.length).toBeGreaterThan(0);
    for (const l of loads) expect(l.args[0]).toMatch(/^`\$\{APP_ORIGIN\}\//);
    expect(APP_ORIGIN).toBe('cairn://app');
    const registered = calledIn(mainCalls, 'protocol.registerSchemesAsPrivileged')[0]!.args[0]!;
    expect(registered).toMatch(/secure: true/);
    expect(registered).toMatch(/standard: true/);
    for (const url of FOREIGN) expect(isAllowedRequest(url), url).toBe(false);
    expect(isAllowedRequest('cairn://app/assets/index.js')).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    enforced.add(1);
  });

  it('#2 keeps Node.js integration off in every renderer', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/nodeIntegration\w*:\s*true/);
    // Every window is built from these settings; no file sets its own webPreferences.
    const windows = electronSources.flatMap((rel) =>
      callsIn(rel).filter(
        (c) =>
          /^new (BrowserWindow|WebContentsView|BrowserView)$/.test(`new ${c.callee}`) && ts.isNewExpression(c.node),
      ),
    );
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(w.args[0]).toMatch(/webPreferences: webPreferences\(/);
    enforced.add(2);
  });

  it('#3 enables context isolation', () => {
    expect(prefs.contextIsolation).toBe(true);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/contextIsolation:\s*false/);
    enforced.add(3);
  });

  it('#4 enables process sandboxing for every renderer', () => {
    expect(prefs.sandbox).toBe(true);
    expect(calledIn(mainCalls, 'app.enableSandbox')).toHaveLength(1);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/sandbox:\s*false|no-sandbox/);
    enforced.add(4);
  });

  it('#5 denies every permission request and check', () => {
    const h = fakeSession();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'hid',
      'usb',
    ]) {
      let granted: boolean | undefined;
      h.request!({}, permission, (g: boolean) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(h.check!({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(h.device!({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
    expect(calledIn(mainCalls, 'hardenSession').map((c) => c.args[0])).toEqual(['session.defaultSession']);
    enforced.add(5);
  });

  it('#6 keeps webSecurity on', () => {
    expect(prefs.webSecurity).toBe(true);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/webSecurity:\s*false|disablewebsecurity/i);
    enforced.add(6);
  });

  it('#7 defines a Content-Security-Policy without unsafe-inline or unsafe-eval for scripts, on every response', async () => {
    const directives = (csp: string) =>
      new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k!, v]),
      );
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/,
    );
    // The page's own meta policy (also in the built index.html) says the same for scripts.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(read('renderer/index.html'))![1]!;
    expect(directives(meta).get('script-src')).toEqual(["'self'"]);
    expect(meta).not.toMatch(/unsafe-/);
    expect(codeOf('renderer/index.html')).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    // The app scheme and the HTTP host send it with every file.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    const res = await serveAppRequest(dir, `${APP_ORIGIN}/index.html`);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    enforced.add(7);
  });

  it('#8 does not allow running insecure content', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/allowRunningInsecureContent:\s*true/);
    enforced.add(8);
  });

  it('#9 does not enable experimental features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/experimentalFeatures:\s*true/);
    enforced.add(9);
  });

  it('#10 does not use enableBlinkFeatures', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/enableBlinkFeatures|enable-blink-features/);
    enforced.add(10);
  });

  it('#11 webviews cannot use allowpopups: the webview tag is off and attaching one is refused', () => {
    expect(prefs.webviewTag).toBe(false);
    const { emit } = fakeWebContents();
    expect(emit('will-attach-webview', 'https://evil.example/')).toBe(true);
    for (const rel of appSources) expect(codeOf(rel), rel).not.toMatch(/allowpopups|<webview/i);
    enforced.add(11);
  });

  it('#12 webview options are verified before creation: every attach is refused', () => {
    const { emit, listeners } = fakeWebContents();
    expect(listeners.get('will-attach-webview')).toHaveLength(1);
    expect(emit('will-attach-webview', `${APP_ORIGIN}/index.html`)).toBe(true);
    const hook = calledIn(mainCalls, 'app.on').find((c) => c.args[0] === "'web-contents-created'");
    expect(hook?.args[1]).toMatch(/hardenWebContents\(contents, shell\)/);
    enforced.add(12);
  });

  it('#13 limits navigation to the app itself', () => {
    const { emit } = fakeWebContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of FOREIGN) expect(emit(event, url), `${event} ${url}`).toBe(true);
      expect(emit(event, `${APP_ORIGIN}/index.html#/decisions`)).toBe(false);
    }
    expect(prefs.navigateOnDragDrop).toBe(false);
    enforced.add(13);
  });

  it('#14 denies every new window; allowed outside links go to the system browser instead', () => {
    const { open, opened } = fakeWebContents();
    for (const url of [...FOREIGN, 'https://example.com/docs', `${APP_ORIGIN}/index.html`])
      expect(open(url)).toEqual({ action: 'deny' });
    // Links to the web open in the system browser, where they are only web pages; nothing else is opened.
    expect(opened).toEqual(['https://evil.example/', 'http://127.0.0.1:8080/', 'https://example.com/docs']);
    enforced.add(14);
  });

  it('#15 opens outside links only through the allow-listed opener that parses URLs', () => {
    const allowed: [string, string][] = [
      ['https://example.com/a b', 'https://example.com/a%20b'],
      ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
      ['  http://example.com  ', 'http://example.com/'],
      ['mailto:arch@example.com', 'mailto:arch@example.com'],
    ];
    for (const [raw, href] of allowed) expect(externalUrl(raw)).toBe(href);
    const refused = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id',
      'vscode://x',
      'data:text/html,x',
      'https://user:pw@example.com',
      'https://',
      'mailto:',
      '//example.com',
      'example.com',
      'cairn://app/index.html',
    ];
    for (const raw of refused) expect(externalUrl(raw), raw).toBeNull();
    // shell.openExternal is reached only through harden.ts (openOutside, which hardenWebContents uses), never called directly.
    for (const rel of electronSources) expect(codeOf(rel), rel).not.toMatch(/shell\.openExternal/);
    enforced.add(15);
  });

  it('#16 uses a current version of Electron', () => {
    const declared = JSON.parse(read('package.json')).devDependencies.electron as string;
    const installed = JSON.parse(read('node_modules/electron/package.json')).version as string;
    const major = (v: string) => Number(/(\d+)\./.exec(v)![1]);
    // Raise this floor with every Electron upgrade; Electron supports only its three latest majors.
    expect(major(declared)).toBeGreaterThanOrEqual(45);
    expect(declared).toMatch(/^\^/);
    expect(major(installed)).toBe(major(declared));
    enforced.add(16);
  });

  it('#17 validates the sender of every IPC message', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const reached: unknown[] = [];
    registerIpc({ handle: (channel: string, h: never) => void handlers.set(channel, h) } as never, {
      call: async (m, i) => (reached.push([m, i]), { ok: true, value: m }),
    });
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelFor).sort());
    const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
    const untrusted = [
      { senderFrame: null },
      frame('https://evil.example/'),
      frame('cairn://evil/index.html'),
      frame('file:///x/index.html'),
      frame(`${APP_ORIGIN}/index.html`, {}),
    ];
    for (const [channel, handle] of handlers) {
      for (const event of untrusted)
        expect(await handle(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await handle(frame(`${APP_ORIGIN}/index.html#/decisions`), { x: 1 })).toEqual({
        ok: true,
        value: channel.slice('cairn:'.length),
      });
    }
    expect(reached).toHaveLength(handlers.size);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
    // Only invoke/handle: no fire-and-forget channels that would bypass the check.
    for (const rel of electronSources)
      expect(codeOf(rel), rel).not.toMatch(/ipcMain\.on\(|ipcRenderer\.(send|sendSync|on)\(/);
    enforced.add(17);
  });

  it('#18 serves the app from a custom protocol, not file://, and never outside the renderer folder', async () => {
    const main = codeOf('electron/main.ts');
    expect(main).not.toMatch(/loadFile\(|file:\/\/|pathToFileURL/);
    expect(calledIn(mainCalls, 'protocol.handle').map((c) => c.args)).toEqual([
      ['APP_SCHEME', '(request) => serveAppRequest(rendererDir, request.url)'],
    ]);
    expect(APP_SCHEME).toBe('cairn');
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'r', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'r', 'assets', 'a.js'), 'x');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const r = path.join(dir, 'r');
    expect(resolveAppFile(r, `${APP_ORIGIN}/assets/a.js`)).toBe(path.join(r, 'assets', 'a.js'));
    for (const url of [
      `${APP_ORIGIN}/../secret.txt`,
      `${APP_ORIGIN}/%2e%2e/secret.txt`,
      `${APP_ORIGIN}/..%2fsecret.txt`,
      `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`,
      `${APP_ORIGIN}/%00`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'cairn://other/assets/a.js',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppFile(r, url);
      expect(file === null || file.startsWith(r + path.sep), url).toBe(true);
      const res = await serveAppRequest(r, url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await packagingConfig()).electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
    enforced.add(18);
  });

  it('#19 sets the Electron fuses that close runtime back doors, in the one config electron-builder reads', async () => {
    // A second config file would be ignored by electron-builder (it reads .yml first): only one may exist.
    expect(packagingConfigFiles()).toEqual(['electron-builder.yml']);
    expect((await packagingConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    enforced.add(19);
  });

  it('#20 exposes no Electron API to the page: the preload bridges exactly one function per API method', async () => {
    const out = await build({
      entryPoints: [path.join(root, 'electron/preload.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'error',
    });
    const code = out.outputFiles[0]!.text;
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('answer')),
        send: () => expect.fail('send used'),
        on: () => expect.fail('on used'),
      },
    };
    const sandbox = {
      module: { exports: {} },
      exports: {},
      require: (id: string) => (
        required.push(id),
        id === 'electron' ? fakeElectron : expect.fail(`preload requires ${id}`)
      ),
    };
    vm.runInNewContext(code, sandbox, { filename: 'preload.cjs' });
    // A sandboxed preload can load only 'electron'; the whole bridge is one object on window.cairn.
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect([...exposed.keys()]).toEqual(['cairn']);
    const bridge = exposed.get('cairn') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) {
      expect(typeof bridge[name]).toBe('function');
      expect(await bridge[name]!({ q: 1 }, 'extra', fakeElectron)).toBe('answer');
      expect(invoked.at(-1)).toEqual([channelFor(name), { q: 1 }]);
    }
    expect(
      Object.values(bridge).some(
        (v: unknown) => v === fakeElectron.ipcRenderer || v === fakeElectron.ipcRenderer.invoke,
      ),
    ).toBe(false);
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    enforced.add(20);
  });
});
