// `npm start`: launch the desktop app; where the Electron binary cannot be fetched (no network
// to its download host), or the database driver cannot be built for Electron, say so plainly
// and serve the same app in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary, once electron's install.js has fetched it
  } catch {
    return null;
  }
}

function serveInBrowser(reason) {
  console.log(`${reason} Cairn is starting in your browser instead.`);
  const child = spawn(process.execPath, ['dist/cli/cairn.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = process.env.CAIRN_BROWSER ? null : electronBinary();
if (!binary && !process.env.CAIRN_BROWSER) {
  console.log('Fetching the Electron binary (first start only)…');
  const fetched = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit', timeout: 180_000 });
  binary = fetched.status === 0 ? electronBinary() : null;
}

if (process.env.CAIRN_BROWSER) {
  serveInBrowser('CAIRN_BROWSER is set.');
} else if (!binary) {
  serveInBrowser('The Electron binary could not be downloaded here.');
} else {
  // The desktop app needs better-sqlite3 built for Electron (dist/native); a no-op once built.
  const native = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-native.ts'], { stdio: 'inherit' });
  if (native.status !== 0) {
    serveInBrowser('The database driver could not be built for Electron here.');
  } else {
    const child = spawn(binary, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
