/**
 * The Chromium finder's decisions, fed machines as data: which browser a run uses, how a
 * machine without one gets one, and the one sentence when it cannot. (No test uninstalls a browser.)
 */
import { describe, expect, it } from 'vitest';
import {
  badChromiumPath,
  distribution,
  findChromium,
  HEADLESS_SHELL,
  headlessShellStep,
  installPlan,
  missingSentence,
  type ChromiumProbe,
} from '../../scripts/chromium.js';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const PW = '/home/ada/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(over: Partial<ChromiumProbe> & { files?: string[]; commands?: string[] } = {}): ChromiumProbe {
  const files = new Set(over.files ?? []);
  const commands = new Set(over.commands ?? []);
  return {
    env: {},
    platform: 'linux',
    isRoot: false,
    osRelease: DEBIAN,
    playwrightBrowser: PW,
    exists: (f) => files.has(f),
    hasCommand: (c) => commands.has(c),
    ...over,
  };
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH first, even when other browsers are there', () => {
    const found = findChromium(
      machine({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, files: ['/opt/chrome/chrome', PW, '/usr/bin/chromium'] }),
    );
    expect(found).toEqual({
      executablePath: '/opt/chrome/chrome',
      file: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    });
  });

  it('does not route around a CHROMIUM_PATH that points at nothing, and says so', () => {
    const probe = machine({ env: { CHROMIUM_PATH: '/opt/gone' }, files: ['/usr/bin/chromium'] });
    expect(findChromium(probe)).toBeNull();
    expect(badChromiumPath(probe)).toMatch(
      /^CHROMIUM_PATH is set to \/opt\/gone, which is not an executable file: .*unset it/,
    );
    expect(badChromiumPath(machine({ files: ['/usr/bin/chromium'] }))).toBeNull();
  });

  it("prefers Playwright's own browser, launched by Playwright itself (no executable path)", () => {
    expect(findChromium(machine({ files: [PW, '/usr/bin/chromium'] }))).toEqual({
      executablePath: undefined,
      file: PW,
      source: 'playwright',
    });
  });

  it('falls back to the usual system names, in order', () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium'] }))?.executablePath).toBe('/usr/bin/chromium');
    expect(
      findChromium(machine({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium-browser'] }))?.executablePath,
    ).toBe('/usr/bin/chromium-browser');
    expect(findChromium(machine({ files: ['/snap/bin/chromium'], playwrightBrowser: null }))?.source).toBe('system');
    expect(
      findChromium(
        machine({
          platform: 'darwin',
          osRelease: null,
          files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
        }),
      )?.source,
    ).toBe('system');
  });

  it("prefers Debian's headless shell to the desktop Chromium", () => {
    expect(findChromium(machine({ files: ['/usr/bin/chromium', HEADLESS_SHELL], playwrightBrowser: null }))).toEqual({
      executablePath: HEADLESS_SHELL,
      file: HEADLESS_SHELL,
      source: 'system',
    });
  });

  it('finds nothing on a fresh machine', () => {
    expect(findChromium(machine())).toBeNull();
    // A Linux path means nothing on macOS.
    expect(findChromium(machine({ platform: 'darwin', files: ['/usr/bin/chromium'] }))).toBeNull();
  });
});

describe('distribution', () => {
  it('reads Debian, Ubuntu and their derivatives from /etc/os-release', () => {
    expect(distribution(DEBIAN)).toBe('debian');
    expect(distribution(UBUNTU)).toBe('ubuntu');
    expect(distribution(MINT)).toBe('ubuntu');
    expect(distribution(FEDORA)).toBeNull();
    expect(distribution(null)).toBeNull();
  });
});

describe('installPlan', () => {
  const cli = '/repo/node_modules/@playwright/test/cli.js';
  const names = (p: ChromiumProbe, download: boolean) => installPlan(p, download, cli).map((s) => s.name);

  it("tries Playwright's installer where it can download, then apt as root on Debian", () => {
    const root = machine({ isRoot: true, commands: ['apt-get'] });
    expect(names(root, true)).toEqual(['playwright', 'apt']);
    expect(names(root, false)).toEqual(['apt']);
    const [pw, apt] = installPlan(root, true, cli);
    expect(pw!.command.slice(1)).toEqual([cli, 'install', '--with-deps', 'chromium']);
    // The headless shell, or the desktop package on a Debian release without it.
    expect(apt!.command.join(' ')).toMatch(
      /apt-get update -qq && \(.*apt-get install -y -qq chromium-headless-shell \|\| .*apt-get install -y -qq chromium\)$/,
    );
  });

  it("installs Ubuntu's package name there", () => {
    const [apt] = installPlan(machine({ isRoot: true, osRelease: UBUNTU, commands: ['apt-get'] }), false, cli);
    expect(apt!.command.join(' ')).toContain('apt-get install -y -qq chromium-browser');
  });

  it('never plans apt without root, without apt-get, or off Debian/Ubuntu', () => {
    expect(names(machine({ commands: ['apt-get'] }), false)).toEqual([]);
    expect(names(machine({ isRoot: true }), false)).toEqual([]);
    expect(names(machine({ isRoot: true, osRelease: FEDORA, commands: ['apt-get'] }), false)).toEqual([]);
    expect(names(machine({ isRoot: true, platform: 'darwin', osRelease: null, commands: ['apt-get'] }), true)).toEqual([
      'playwright',
    ]);
    // Without root the installer cannot fetch system libraries, so it is not asked to.
    expect(installPlan(machine(), true, cli)[0]!.command).not.toContain('--with-deps');
  });
});

describe('headlessShellStep', () => {
  const desktop = { executablePath: '/usr/bin/chromium', file: '/usr/bin/chromium', source: 'system' } as const;
  const ci = { CI: 'true' };

  it('adds the headless shell beside a desktop Chromium on a Debian CI machine, as root', () => {
    const step = headlessShellStep(machine({ env: ci, isRoot: true, commands: ['apt-get'] }), desktop)?.step;
    expect(step?.command.join(' ')).toMatch(/apt-get update -qq && .*apt-get install -y -qq chromium-headless-shell$/);
  });

  it('only hints elsewhere on Debian: not CI, not root, or no apt-get', () => {
    for (const probe of [
      machine({ isRoot: true, commands: ['apt-get'] }),
      machine({ env: ci, commands: ['apt-get'] }),
      machine({ env: ci, isRoot: true }),
    ]) {
      const lighter = headlessShellStep(probe, desktop);
      expect(lighter?.step).toBeNull();
      expect(lighter?.hint).toContain('sudo apt-get install chromium-headless-shell');
    }
  });

  it('says nothing for the shell itself, a browser chosen on purpose, or off Debian', () => {
    const root = { env: ci, isRoot: true, commands: ['apt-get'] };
    const shell = { executablePath: HEADLESS_SHELL, file: HEADLESS_SHELL, source: 'system' } as const;
    expect(headlessShellStep(machine(root), shell)).toBeNull();
    expect(headlessShellStep(machine(root), { ...desktop, source: 'CHROMIUM_PATH' })).toBeNull();
    expect(headlessShellStep(machine(root), { executablePath: undefined, file: PW, source: 'playwright' })).toBeNull();
    expect(headlessShellStep(machine({ ...root, osRelease: UBUNTU }), desktop)).toBeNull();
  });
});

describe('missingSentence', () => {
  it('is one sentence naming the command for this system and CHROMIUM_PATH', () => {
    const debian = missingSentence(machine(), []);
    expect(debian).toMatch(
      /^No Chromium for the end-to-end tests on this machine: run `sudo apt-get install chromium-headless-shell`.*CHROMIUM_PATH.*\.$/,
    );
    expect(debian.split(/\.\s/)).toHaveLength(1);
    expect(missingSentence(machine({ osRelease: UBUNTU }), [])).toContain('sudo apt-get install chromium-browser');
    expect(missingSentence(machine({ platform: 'darwin', osRelease: null }), [])).toContain(
      'run `npx playwright install chromium`, or set CHROMIUM_PATH',
    );
  });

  it('says what was tried', () => {
    expect(missingSentence(machine(), ["Playwright's own Chromium", 'apt'])).toContain(
      "(tried Playwright's own Chromium, then apt; see the output above)",
    );
  });
});
