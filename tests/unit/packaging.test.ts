/**
 * The electron-builder configuration, checked as data: it must pass electron-builder's own
 * schema and say what the app needs (targets, icons, the Electron build of the database driver
 * where electron/main.ts looks for it). The packaging itself needs Electron's download and
 * cannot run here.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pngSize, readIcns, readIco } from '../../scripts/icon-formats.js';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'package.json'));

interface Config {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  asar: boolean;
  files: string[];
  extraResources: { from: string; to: string; filter?: string[] }[];
  directories: { output: string; buildResources: string };
  linux: { target: string[]; icon: string; executableName: string; maintainer: string; category: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

/** The file as written, for assertions; electron-builder normalises some fields when it loads them. */
async function loadConfig(): Promise<Config> {
  return parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

/** The config as electron-builder itself finds and reads it. */
async function loadAsElectronBuilder(): Promise<unknown> {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js') as {
    getConfig(dir: string, file: string | null, extra: null): Promise<unknown>;
  };
  return getConfig(root, null, null);
}

async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(c: unknown, log: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema, which refuses a misspelt option', async () => {
    const config = (await loadAsElectronBuilder()) as Config;
    expect(config.appId).toBe((await loadConfig()).appId);
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, nsis: { oneClik: false } })).rejects.toThrow(/nsis/);
  });

  it('names the app and builds AppImage and deb, dmg, and an NSIS installer', async () => {
    const config = await loadConfig();
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Cairn');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.executableName).not.toBe('cairn');
  });

  it('never rebuilds node_modules for Electron, and ships the Electron build of the driver where main.ts looks', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(false);
    const native = config.extraResources.find((r) => r.from === 'dist/native/better_sqlite3.node');
    expect(native?.to).toBe('native/better_sqlite3.node');
    const main = fs.readFileSync(path.join(root, 'electron/main.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node')");
    expect(main).toContain("path.join(process.resourcesPath, 'knowledge')");
    expect(config.extraResources.find((r) => r.from === 'knowledge')?.to).toBe('knowledge');
  });

  it('packs the built app and the package file, and the entry point package.json names is among them', async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**']));
    expect(pkg.main.startsWith('dist/electron/')).toBe(true);
    expect(pkg.scripts.dist).toMatch(/build:native.*electron-builder/);
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at icons that exist, at the sizes each platform needs', async () => {
    const config = await loadConfig();
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const file = path.join(root, config.linux.icon, `${size}x${size}.png`);
      expect(pngSize(fs.readFileSync(file)), file).toEqual({ width: size, height: size });
    }
    const ico = readIco(fs.readFileSync(path.join(root, config.win.icon)));
    expect(ico.map((i) => i.size)).toContain(256);
    for (const img of ico) expect(pngSize(img.png)).toEqual({ width: img.size, height: img.size });
    const icns = readIcns(fs.readFileSync(path.join(root, config.mac.icon)));
    expect(icns.map((e) => e.type)).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
    expect(pngSize(icns.find((e) => e.type === 'ic10')!.data)).toEqual({ width: 1024, height: 1024 });
  });
});
