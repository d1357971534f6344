/**
 * `npm run build:native`: better-sqlite3 compiled for Electron's ABI into
 * dist/native/better_sqlite3.node, which the desktop app loads through better-sqlite3's
 * `nativeBinding` option and `npm run dist` ships as resources/native/better_sqlite3.node.
 *
 * Policy: node_modules is never rebuilt in place (the tests and the CLI need its Node build).
 * The addon's sources are copied to a temporary folder and compiled there with node-gyp
 * against Electron's headers, which node-gyp downloads: this needs network access.
 *
 *   --force             rebuild even if dist/native matches the installed Electron
 *   --out DIR           write somewhere else than dist/native
 *   --runtime node --target VERSION [--nodedir DIR]
 *                       build for a Node version instead (an offline check of this script)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
export const ADDON = 'better_sqlite3.node';
export const MANIFEST = 'better_sqlite3.json';
/** What of better-sqlite3 the compiler needs; build output and tests stay behind. */
export const SOURCES = ['package.json', 'binding.gyp', 'src', 'deps', 'lib'];

export interface NativeTarget {
  runtime: 'electron' | 'node';
  version: string;
  platform: NodeJS.Platform;
  arch: string;
  betterSqlite3: string;
}

export interface NativeBuildPlan {
  target: NativeTarget;
  /** The temporary copy of better-sqlite3 that is compiled. */
  moduleDir: string;
  /** node-gyp's arguments. */
  args: string[];
  output: string;
  manifest: string;
}

export function planNativeBuild(
  target: NativeTarget,
  options: { outDir: string; workDir: string; nodedir?: string },
): NativeBuildPlan {
  const args = ['rebuild', '--release', `--target=${target.version}`, `--arch=${target.arch}`];
  if (target.runtime === 'electron') args.push('--runtime=electron', `--dist-url=${ELECTRON_HEADERS_URL}`);
  if (options.nodedir) args.push(`--nodedir=${options.nodedir}`);
  return {
    target,
    moduleDir: path.join(options.workDir, 'node_modules', 'better-sqlite3'),
    args,
    output: path.join(options.outDir, ADDON),
    manifest: path.join(options.outDir, MANIFEST),
  };
}

/**
 * The environment for node-gyp. npm passes its config to scripts as npm_config_*; a user-wide
 * `nodedir` or `target` there would make node-gyp build against Node's headers instead, so
 * those are dropped and the command line alone decides.
 */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  const drop = /^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i;
  for (const [k, v] of Object.entries(env)) if (!drop.test(k)) out[k] = v;
  return out;
}

/** True when the addon in dist/native is missing or was built for another Electron, platform or driver version. */
export function needsNativeBuild(manifest: unknown, target: NativeTarget): boolean {
  if (!manifest || typeof manifest !== 'object') return true;
  const m = manifest as Partial<NativeTarget>;
  return (
    m.runtime !== target.runtime ||
    m.version !== target.version ||
    m.platform !== target.platform ||
    m.arch !== target.arch ||
    m.betterSqlite3 !== target.betterSqlite3
  );
}

/**
 * Reads what loading an Electron-ABI addon in plain Node says. Loading must fail, naming the
 * expected ABI; if it loads, the file is a Node build and would crash the desktop app.
 */
export function judgeLoadInNode(
  result: { loaded: boolean; message: string },
  abi: string | null,
): 'electron-abi' | 'node-abi' | 'unknown' {
  if (result.loaded) return 'node-abi';
  if (abi && new RegExp(`NODE_MODULE_VERSION ${abi}\\b`).test(result.message)) return 'electron-abi';
  return 'unknown';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function findNodeGyp(require: NodeJS.Require): string {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    if (fs.existsSync(bundled)) return bundled;
    throw new Error(
      'node-gyp was not found. Install it with `npm install -g node-gyp` and run `npm run build:native` again.',
    );
  }
}

function main(): number {
  const root = path.resolve(import.meta.dirname, '..');
  const require = createRequire(path.join(root, 'package.json'));
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean' },
      out: { type: 'string' },
      runtime: { type: 'string' },
      target: { type: 'string' },
      nodedir: { type: 'string' },
    },
  });
  const runtime = values.runtime === 'node' ? 'node' : 'electron';
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const version =
    values.target ??
    (runtime === 'electron'
      ? (readJson(path.join(electronDir, 'package.json')) as { version: string }).version
      : process.versions.node);
  const target: NativeTarget = {
    runtime,
    version,
    platform: process.platform,
    arch: process.arch,
    betterSqlite3: (readJson(path.join(sqliteDir, 'package.json')) as { version: string }).version,
  };
  const outDir = path.resolve(root, values.out ?? path.join('dist', 'native'));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-native-'));
  const plan = planNativeBuild(target, { outDir, workDir, nodedir: values.nodedir });

  if (!values.force && !needsNativeBuild(readJson(plan.manifest), target) && fs.existsSync(plan.output)) {
    console.log(
      `${path.relative(root, plan.output)} is already built for ${runtime} ${version} (${target.platform}-${target.arch}).`,
    );
    fs.rmSync(workDir, { recursive: true, force: true });
    return 0;
  }
  try {
    console.log(
      `Building better-sqlite3 ${target.betterSqlite3} for ${runtime} ${version} (${target.platform}-${target.arch}) in ${workDir}…`,
    );
    for (const item of SOURCES)
      fs.cpSync(path.join(sqliteDir, item), path.join(plan.moduleDir, item), { recursive: true });
    const built = spawnSync(process.execPath, [findNodeGyp(require), ...plan.args], {
      cwd: plan.moduleDir,
      env: buildEnv(process.env),
      stdio: 'inherit',
    });
    const addon = path.join(plan.moduleDir, 'build', 'Release', ADDON);
    if (built.status !== 0 || !fs.existsSync(addon)) {
      console.error(
        `\nCould not build better-sqlite3 for ${runtime} ${version}.` +
          (runtime === 'electron'
            ? ` This needs network access to download Electron's headers from ${ELECTRON_HEADERS_URL},`
            : '') +
          ' and a C++ toolchain (Python 3, make, a C++ compiler; on Windows, Visual Studio Build Tools). node_modules was not changed.',
      );
      return 1;
    }
    fs.mkdirSync(outDir, { recursive: true });
    const temp = plan.output + '.tmp';
    fs.copyFileSync(addon, temp);
    fs.renameSync(temp, plan.output);
    fs.writeFileSync(plan.manifest, JSON.stringify(target, null, 2) + '\n');
    if (runtime === 'electron') {
      const abi = fs.existsSync(path.join(electronDir, 'abi_version'))
        ? fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim()
        : null;
      const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(plan.output)})`], {
        encoding: 'utf8',
      });
      const verdict = judgeLoadInNode({ loaded: probe.status === 0, message: probe.stderr }, abi);
      if (verdict === 'node-abi') {
        console.error(
          `${plan.output} loads in Node, so it was built for Node, not Electron. Delete it and run \`npm run build:native -- --force\`.`,
        );
        return 1;
      }
      if (verdict === 'electron-abi')
        console.log(`Checked: the addon targets NODE_MODULE_VERSION ${abi} (Electron ${version}).`);
    }
    console.log(`Wrote ${path.relative(root, plan.output)}.`);
    return 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
