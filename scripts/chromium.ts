/**
 * Where the end-to-end tests and the benchmark find a Chromium, and how a fresh machine gets one.
 *
 * The README's test command must work on a machine with no browser, so `npm test` starts with
 * `scripts/ensure-chromium.ts`, which asks this module three things in turn: is a Chromium here
 * (`findChromium`)? if not, how can this machine get one (`installPlan`)? and if it cannot, what
 * one sentence tells the person what to run (`missingSentence`)? Each decision is a pure function
 * of a `ChromiumProbe` (environment, platform, files present), so tests feed them machines as
 * data; `probeMachine()` is the only part that looks at the real one.
 */
import fs from 'node:fs';

export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Running as root (may use the system package manager without sudo). */
  isRoot: boolean;
  /** /etc/os-release's text, or null where there is none (macOS, Windows). */
  osRelease: string | null;
  /** Where Playwright keeps its own Chromium for the installed version, whether or not it is there. */
  playwrightBrowser: string | null;
  /** An executable file exists at this path. */
  exists(file: string): boolean;
  /** A command of this name is on the PATH. */
  hasCommand(name: string): boolean;
}

export interface FoundChromium {
  /** Pass to Playwright's `launchOptions.executablePath`; undefined means Playwright's own browser. */
  executablePath: string | undefined;
  /** The file that will run, for messages. */
  file: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

export type InstallStep = { name: 'playwright' | 'apt'; description: string; command: string[] }[];

/** The shell command that installs the first of these Debian or Ubuntu packages that can be had. */
function aptInstall(...packages: string[]): string {
  const installs = packages.map((pkg) => `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`);
  return `apt-get update -qq && ${installs.length > 1 ? `(${installs.join(' || ')})` : installs[0]}`;
}

/**
 * Debian's headless shell: the same engine without the desktop browser's windowing, all the tests
 * and the bench need (they run headless). The browser tests took two-thirds of the CPU with it.
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** The usual places of a system Chromium or Chrome, in order of preference. */
export const SYSTEM_CHROMIUMS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    HEADLESS_SHELL,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** CHROMIUM_PATH set to something that is not there: a mistake to report, never to route around. */
export function badChromiumPath(p: ChromiumProbe): string | null {
  const wanted = p.env.CHROMIUM_PATH;
  if (!wanted || p.exists(wanted)) return null;
  return `CHROMIUM_PATH is set to ${wanted}, which is not an executable file: point it at a Chromium or unset it, then run the command again.`;
}

/** The Chromium to use, or null when this machine has none. CHROMIUM_PATH wins, then Playwright's own, then the system's. */
export function findChromium(p: ChromiumProbe): FoundChromium | null {
  const wanted = p.env.CHROMIUM_PATH;
  if (wanted) return p.exists(wanted) ? { executablePath: wanted, file: wanted, source: 'CHROMIUM_PATH' } : null;
  if (p.playwrightBrowser && p.exists(p.playwrightBrowser))
    return { executablePath: undefined, file: p.playwrightBrowser, source: 'playwright' };
  const system = (SYSTEM_CHROMIUMS[p.platform] ?? []).find((f) => p.exists(f));
  return system ? { executablePath: system, file: system, source: 'system' } : null;
}

/** 'debian', 'ubuntu' (and their derivatives by ID_LIKE), or null. Ubuntu first: its ID_LIKE says debian too. */
export function distribution(osRelease: string | null): 'debian' | 'ubuntu' | null {
  if (!osRelease) return null;
  const field = (name: string) =>
    new RegExp(`^${name}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.toLowerCase().split(/\s+/) ?? [];
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian')) return 'debian';
  return null;
}

/**
 * How this machine can get a Chromium, tried in order until one works: Playwright's installer
 * (it downloads, so only where downloading is possible), then, as root on Debian or Ubuntu, the
 * system package manager (Debian's `chromium-headless-shell`, or `chromium` on a release without
 * it; Ubuntu's `chromium-browser`). Empty: no way here.
 */
export function installPlan(p: ChromiumProbe, canDownload: boolean, playwrightCli: string): InstallStep {
  const plan: InstallStep = [];
  const distro = p.platform === 'linux' ? distribution(p.osRelease) : null;
  const apt = p.isRoot && distro !== null && p.hasCommand('apt-get');
  if (canDownload) {
    // As root on Debian/Ubuntu the installer also fetches the libraries Chromium needs.
    const deps = apt ? ['--with-deps'] : [];
    plan.push({
      name: 'playwright',
      description: "Playwright's own Chromium (npx playwright install chromium)",
      command: [process.execPath, playwrightCli, 'install', ...deps, 'chromium'],
    });
  }
  if (apt) {
    // Debian releases before bookworm's updates have no headless shell: their desktop package then.
    const packages = distro === 'ubuntu' ? ['chromium-browser'] : ['chromium-headless-shell', 'chromium'];
    plan.push({
      name: 'apt',
      description: `the system's ${packages[0]} package (apt-get install ${packages[0]})`,
      command: ['sh', '-c', aptInstall(...packages)],
    });
  }
  return plan;
}

/**
 * On Debian with a desktop Chromium but no headless shell: the step that adds the shell, taken on
 * a CI machine (`CI` set) where `npm test` may run apt as root, or null with the hint to print
 * instead. Anywhere else (Playwright's own browser, CHROMIUM_PATH, not Debian): nothing to say.
 */
export function headlessShellStep(
  p: ChromiumProbe,
  found: FoundChromium,
): { step: InstallStep[number] | null; hint: string } | null {
  if (found.source !== 'system' || found.file === HEADLESS_SHELL) return null;
  if (p.platform !== 'linux' || distribution(p.osRelease) !== 'debian') return null;
  const hint = `Debian's headless shell runs the browser tests in about two-thirds of the CPU time: \`sudo apt-get install chromium-headless-shell\`.`;
  const apt = p.isRoot && p.hasCommand('apt-get') && Boolean(p.env.CI);
  return {
    hint,
    step: apt
      ? {
          name: 'apt',
          description: "Debian's chromium-headless-shell package (apt-get install chromium-headless-shell)",
          command: ['sh', '-c', aptInstall('chromium-headless-shell')],
        }
      : null,
  };
}

/** The one sentence that says what to run when no Chromium is here and none could be got. */
export function missingSentence(p: ChromiumProbe, tried: string[]): string {
  const distro = p.platform === 'linux' ? distribution(p.osRelease) : null;
  const pkg = distro === 'ubuntu' ? 'chromium-browser' : 'chromium-headless-shell';
  const get =
    distro !== null
      ? `\`sudo apt-get install ${pkg}\` (or \`npx playwright install chromium\` where downloads work)`
      : '`npx playwright install chromium`';
  const after = tried.length ? ` (tried ${tried.join(', then ')}; see the output above)` : '';
  return `No Chromium for the end-to-end tests on this machine${after}: run ${get}, or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the command again.`;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: Record<string, string | undefined>): boolean {
  const dirs = (env.PATH ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
  return dirs.some((d) => isExecutable(`${d}/${name}`));
}

/** The real machine, as a probe; `playwrightBrowser` is `chromium.executablePath()` from @playwright/test. */
export function probeMachine(
  playwrightBrowser: string | null,
  env: Record<string, string | undefined> = process.env,
): ChromiumProbe {
  let osRelease: string | null;
  try {
    osRelease = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    osRelease = null; // macOS, Windows, or a Linux without it: not Debian/Ubuntu as far as we can tell
  }
  return {
    env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    osRelease,
    playwrightBrowser: playwrightBrowser || null,
    exists: isExecutable,
    hasCommand: (name) => onPath(name, env),
  };
}

/**
 * The Chromium the e2e tests and the bench launch on this machine, found without installing
 * anything (scripts/ensure-chromium.ts does the installing first). Throws the one sentence when
 * there is none, so a run stops at its start instead of failing every test.
 */
export function chromiumForTests(
  playwrightBrowser: string | null,
  env: Record<string, string | undefined> = process.env,
): FoundChromium {
  const probe = probeMachine(playwrightBrowser, env);
  const found = findChromium(probe);
  if (found) return found;
  throw new Error(badChromiumPath(probe) ?? missingSentence(probe, []));
}
