import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Handlers } from '../../../shared/api/index.js';
import { CairnError } from '../../../shared/api/define.js';
import { RECENT_FOLDERS_KEPT, Settings, type hostMethods, type RecentFolder } from '../../../shared/api/host.js';
import { today, type CoreContext } from '../context.js';
import type { DecisionStore } from '../decisions.js';
import type { HostAdapter } from '../host-adapter.js';
import type { PackStore } from '../knowledge/packs.js';
import { ListQuery } from '../../../shared/api/decisions.js';
import { buildSampleDecision, SAMPLE_PACK, SAMPLE_TAG } from '../sample.js';
import type { SettingsStore } from '../settings.js';

const DEFAULT_SETTINGS: Settings = { theme: 'system' };
const StoredRecent = z.array(z.object({ path: z.string(), usedAt: z.string() }));

function unsupported(what: string, instead: string): never {
  throw new CairnError('unsupported', `${what} needs the Cairn desktop app; ${instead}`);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An absolute, normalised folder path; a relative one is refused because it means nothing to another process. */
export function normaliseFolder(raw: string): string {
  const trimmed = raw.trim();
  if (!path.isAbsolute(trimmed)) {
    throw new CairnError('invalid_input', `"${raw}" is not a full path. Give the folder's absolute path, e.g. /home/me/project/docs/decisions.`);
  }
  const resolved = path.resolve(trimmed);
  return resolved.length > 1 ? resolved.replace(/[\\/]+$/, '') : resolved;
}

export function hostHandlers(
  ctx: CoreContext,
  deps: { adapter: HostAdapter; settings: SettingsStore; decisions: DecisionStore; packs: PackStore },
): Pick<Handlers, keyof typeof hostMethods> {
  const { adapter, settings } = deps;

  const readSettings = (): Settings => ({ theme: settings.get('theme', Settings.shape.theme, DEFAULT_SETTINGS.theme) });
  const readRecent = () => settings.get('recentFolders', StoredRecent, []);
  const recentView = (): RecentFolder[] => readRecent().map((r) => ({ ...r, exists: isDirectory(r.path) }));
  const writeRecent = (list: z.infer<typeof StoredRecent>) => settings.set('recentFolders', list.slice(0, RECENT_FOLDERS_KEPT));

  return {
    getHostInfo: () => ({
      capabilities: {
        pickFolder: !!adapter.pickFolder,
        showItemInFolder: !!adapter.showItemInFolder,
        openExternal: !!adapter.openExternal,
        menu: !!adapter.nextMenuAction,
      },
    }),
    pickFolder: async ({ title, defaultPath }) => {
      if (!adapter.pickFolder) unsupported('Choosing a folder with the system dialog', 'type the folder path instead.');
      return { path: await adapter.pickFolder({ title, defaultPath }) };
    },
    showItemInFolder: async ({ path: target }) => {
      if (!adapter.showItemInFolder) unsupported('Showing a file in the file manager', 'open the folder yourself; its path is shown.');
      const file = path.resolve(target);
      if (!path.isAbsolute(target) || !fs.existsSync(file)) {
        throw new CairnError('not_found', `${target} does not exist (any more). Export again to write it, or check the folder.`);
      }
      await adapter.showItemInFolder(file);
      return {};
    },
    openExternal: async ({ url }) => {
      if (!adapter.openExternal) unsupported('Opening links in the system browser', 'open the link in your browser.');
      await adapter.openExternal(url);
      return {};
    },
    waitForMenuAction: async () => {
      if (!adapter.nextMenuAction) unsupported('An application menu', 'use the keyboard shortcuts (Help lists them).');
      return { action: await adapter.nextMenuAction() };
    },
    getSettings: () => readSettings(),
    updateSettings: (change) => {
      if (change.theme !== undefined) settings.set('theme', change.theme);
      const next = readSettings();
      adapter.settingsChanged?.(next);
      return next;
    },
    getRecentFolders: () => recentView(),
    addRecentFolder: ({ path: raw }) => {
      const folder = normaliseFolder(raw);
      const usedAt = ctx.platform.now().toISOString();
      writeRecent([{ path: folder, usedAt }, ...readRecent().filter((r) => r.path !== folder)]);
      return recentView();
    },
    removeRecentFolder: ({ path: raw }) => {
      const folder = path.isAbsolute(raw.trim()) ? normaliseFolder(raw) : raw;
      writeRecent(readRecent().filter((r) => r.path !== folder));
      return recentView();
    },
    // One sample per pack: asking again opens the one there is (until it is trashed or renamed).
    createSampleDecision: ({ pack }) => {
      const id = pack ?? SAMPLE_PACK;
      const content = buildSampleDecision(deps.packs.view(id), today(ctx.platform));
      const existing = deps.decisions.list(ListQuery.parse({ tag: SAMPLE_TAG, pack: id })).items.find((d) => d.title === content.title);
      return existing ? deps.decisions.get(existing.id) : deps.decisions.create(content, 'create');
    },
  };
}
