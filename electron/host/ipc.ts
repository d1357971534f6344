/**
 * IPC wiring: one handler per API method, each checking that the sender is the app's own
 * main frame before the request reaches the core's validation layer.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES } from '../../shared/api/index.js';
import type { Result } from '../../shared/api/define.js';
import type { Core } from '../core/core.js';
import { channelFor, isAppUrl } from './window-settings.js';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Pick<Core, 'call'>): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event))
        return { ok: false, error: { code: 'forbidden', message: 'Refused: the request did not come from Cairn.' } };
      return core.call(method, input);
    });
  }
}
