// `npm start`: launch the desktop app; where the Electron binary cannot be fetched (no network
// to its download host), or the database driver cannot be built for Electron, say so plainly
// and serve the same app in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const installed = () => existsSync(path.join(electronDir, 'path.txt'));

if (!installed() && !process.env.CAIRN_BROWSER) {
  console.log('Fetching the Electron binary (first start only)…');
  // electron's own installer; its output is kept quiet unless it succeeds or we must explain.
  const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (fetched.status !== 0) {
    const reason = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`
      .split('\n')
      .find((l) => /error|failed/i.test(l))
      ?.trim();
    if (reason) console.log(`(Electron's installer said: ${reason})`);
  }
}

// The desktop app needs better-sqlite3 built for Electron (dist/native); a no-op once built.
const nativeReady = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-native.ts'], { stdio: 'inherit' }).status === 0;

if (installed() && !process.env.CAIRN_BROWSER && nativeReady()) {
  const child = spawn(require('electron'), ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!process.env.CAIRN_BROWSER) {
    const why = installed()
      ? 'The database driver could not be built for Electron here'
      : 'The Electron binary could not be downloaded here';
    console.log(`${why}, so Cairn is starting in your browser instead.`);
  }
  const child = spawn(process.execPath, ['dist/cli/cairn.mjs', 'serve', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
