/**
 * The preload: exposes exactly one function per API method on `window.cairn`, each sending its
 * input over its own IPC channel, and on `window.cairnMenu` one subscription to the menu's
 * actions (only ids from the fixed action list get through). No raw ipcRenderer, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES } from '../shared/api/index.js';
import { isActionId, type ActionId } from '../shared/shortcuts.js';
import { ACTION_CHANNEL, channelFor } from './host/window-settings.js';

const bridge = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]));
contextBridge.exposeInMainWorld('cairn', bridge);

contextBridge.exposeInMainWorld('cairnMenu', {
  onAction(listener: (action: ActionId) => void): () => void {
    const handler = (_event: IpcRendererEvent, action: unknown) => {
      if (isActionId(action)) listener(action);
    };
    ipcRenderer.on(ACTION_CHANNEL, handler);
    return () => ipcRenderer.removeListener(ACTION_CHANNEL, handler);
  },
});
