// `npm start`: launch the desktop app; where the Electron binary cannot be fetched (no network
// to its download host), say so plainly and serve the same app in the browser instead.
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

let binary = electronBinary();
if (!binary) {
  console.log('Fetching the Electron binary (first start only)…');
  const fetched = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit', timeout: 180_000 });
  binary = fetched.status === 0 ? electronBinary() : null;
}

if (binary && !process.env.CAIRN_BROWSER) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary could not be downloaded here, so Cairn is starting in your browser instead.');
  const child = spawn(process.execPath, ['dist/cli/cairn.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
