import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADDON,
  buildEnv,
  ELECTRON_HEADERS_URL,
  judgeLoadInNode,
  needsNativeBuild,
  planNativeBuild,
  SOURCES,
  type NativeTarget,
} from '../../scripts/build-native.js';

const electron: NativeTarget = {
  runtime: 'electron',
  version: '45.4.1',
  platform: 'linux',
  arch: 'x64',
  betterSqlite3: '12.11.1',
};

describe('building the database driver for Electron', () => {
  it('compiles a copy in a work folder against Electron’s headers, never node_modules', () => {
    const plan = planNativeBuild(electron, { outDir: '/repo/dist/native', workDir: '/tmp/w' });
    expect(plan.moduleDir).toBe(path.join('/tmp/w', 'node_modules', 'better-sqlite3'));
    expect(plan.moduleDir).not.toContain(path.join('/repo', 'node_modules'));
    expect(plan.args).toEqual([
      'rebuild',
      '--release',
      '--target=45.4.1',
      '--arch=x64',
      '--runtime=electron',
      `--dist-url=${ELECTRON_HEADERS_URL}`,
    ]);
    expect(plan.output).toBe(path.join('/repo/dist/native', ADDON));
    expect(SOURCES).toEqual(expect.arrayContaining(['binding.gyp', 'src', 'deps']));
    expect(SOURCES).not.toContain('build');
  });

  it('builds for a Node version with its headers folder when asked (the offline check)', () => {
    const plan = planNativeBuild(
      { ...electron, runtime: 'node', version: '20.20.2' },
      { outDir: '/o', workDir: '/w', nodedir: '/usr' },
    );
    expect(plan.args).toEqual(['rebuild', '--release', '--target=20.20.2', '--arch=x64', '--nodedir=/usr']);
  });

  it('drops npm settings that would point node-gyp at Node’s headers instead of Electron’s', () => {
    const env = buildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      NPM_CONFIG_RUNTIME: 'node',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_cache: '/c' });
  });

  it('rebuilds only when the built addon is missing or for another Electron, platform, arch or driver', () => {
    expect(needsNativeBuild(null, electron)).toBe(true);
    expect(needsNativeBuild(electron, electron)).toBe(false);
    expect(needsNativeBuild({ ...electron, version: '45.4.0' }, electron)).toBe(true);
    expect(needsNativeBuild({ ...electron, arch: 'arm64' }, electron)).toBe(true);
    expect(needsNativeBuild({ ...electron, betterSqlite3: '12.0.0' }, electron)).toBe(true);
    expect(needsNativeBuild({ ...electron, runtime: 'node' }, electron)).toBe(true);
  });

  it('tells an Electron build from a Node build by what plain Node says when loading it', () => {
    const refused =
      'Error: The module was compiled against a different Node.js version using\nNODE_MODULE_VERSION 150. This version of Node.js requires\nNODE_MODULE_VERSION 115.';
    expect(judgeLoadInNode({ loaded: false, message: refused }, '150')).toBe('electron-abi');
    expect(judgeLoadInNode({ loaded: true, message: '' }, '150')).toBe('node-abi');
    expect(judgeLoadInNode({ loaded: false, message: 'undefined symbol: foo' }, '150')).toBe('unknown');
    expect(judgeLoadInNode({ loaded: false, message: refused }, '15')).toBe('unknown');
  });
});
