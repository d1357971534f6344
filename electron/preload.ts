/**
 * The preload: exposes exactly one function per API method on `window.cairn`, each sending its
 * input over its own IPC channel. No raw ipcRenderer, nothing else crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../shared/api/names.js';
import { channelFor } from './host/window-settings.js';

const bridge = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelFor(name), input)]));
contextBridge.exposeInMainWorld('cairn', bridge);
