/**
 * The preload: exposes exactly one function per API method on `window.cairn`, each sending its
 * input over its own IPC channel. No raw ipcRenderer, nothing else crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { perMethod, type Bridge } from '../shared/api/bridge.js';
import { channelFor } from './host/window-settings.js';

// Typed from the contract: a method missing here, or a channel answering the wrong shape for the
// renderer's `window.cairn`, is a compile error rather than a cast.
const bridge: Bridge = perMethod((name) => (input: unknown) => ipcRenderer.invoke(channelFor(name), input));
contextBridge.exposeInMainWorld('cairn', bridge);
