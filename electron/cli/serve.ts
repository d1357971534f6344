import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core.js';
import { openCoreHost } from '../core/recovery.js';
import { startHttpHost } from '../host/http.js';
import { UsageError, type Command } from './command.js';

/** The built renderer, found from the source tree or from a build. */
export function findRendererDir(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'dist', 'renderer');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.basename(dir) === 'dist' && fs.existsSync(path.join(dir, 'renderer', 'index.html')))
      return path.join(dir, 'renderer');
    dir = path.dirname(dir);
  }
  return null;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'cairn serve [--port N]',
  summary: 'Serve the app in a browser on 127.0.0.1; prints the URL with its token.',
  options: { port: { type: 'string' } },
  async run(ctx, _args, flags) {
    const port = flags.port === undefined ? 0 : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port takes a number from 0 to 65535, not "${String(flags.port)}".`);
    const rendererDir = findRendererDir();
    if (!rendererDir)
      ctx.err('The renderer is not built yet, so only the API is served. Run `npm run build:renderer` first.');
    // Opened here rather than through ctx.core(): after a restore from the page, the core is reopened.
    const core = openCoreHost(() => createCore({ dbPath: ctx.dbPath }), ctx.dbPath, { holder: 'cairn serve' });
    const host = await startHttpHost({ core, port, rendererDir, token: process.env.CAIRN_TOKEN || undefined });
    const damage = core.damage();
    if (damage) ctx.err(`${damage}\nThe page at the address below offers the same restore.`);
    ctx.out(`Cairn is serving ${ctx.dbPath}`);
    ctx.out(`Open ${host.openUrl}`);
    ctx.out('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => {
        void host.close().then(() => {
          core.close();
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};
