import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The process boundaries are lint errors; these cases prove the rules bite. */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep Node, Electron and the database out of the renderer', async () => {
    expect(await errors('renderer/src/Bad.tsx', "import fs from 'node:fs'; export const x = fs;")).toHaveLength(1);
    expect(await errors('renderer/src/Bad.tsx', "import { app } from 'electron'; export const x = app;")).toHaveLength(
      1,
    );
    expect(await errors('renderer/src/Bad.tsx', "import D from 'better-sqlite3'; export const x = D;")).toHaveLength(1);
    expect(
      await errors(
        'renderer/src/Bad.tsx',
        "import { createCore } from '../../electron/core/core.js'; export const x = createCore;",
      ),
    ).toHaveLength(1);
  });

  it('keep shared/ free of Node, Electron, the database and React', async () => {
    expect(await errors('shared/bad.ts', "import path from 'path'; export const x = path;")).toHaveLength(1);
    expect(await errors('shared/bad.ts', "import React from 'react'; export const x = React;")).toHaveLength(1);
  });

  it('keep electron out of the core', async () => {
    expect(await errors('electron/core/bad.ts', "import { app } from 'electron'; export const x = app;")).toHaveLength(
      1,
    );
    expect(await errors('electron/core/ok.ts', "import fs from 'node:fs'; export const x = fs;")).toHaveLength(0);
  });

  it('keep electron out of the CLI and the loopback HTTP host, which run in plain Node', async () => {
    for (const file of [
      'electron/cli.ts',
      'electron/cli/serve.ts',
      'electron/cli/export.ts',
      'electron/host/http.ts',
    ]) {
      expect(await errors(file, "import { app } from 'electron'; export const x = app;"), file).toHaveLength(1);
      expect(await errors(file, "import type { App } from 'electron'; export type X = App;"), file).toHaveLength(1);
      expect(await errors(file, "import fs from 'node:fs'; export const x = fs;"), file).toHaveLength(0);
    }
    // The Electron hosts themselves still may.
    expect(
      await errors('electron/host/ipc.ts', "import type { IpcMain } from 'electron'; export type X = IpcMain;"),
    ).toHaveLength(0);
  });
});

describe('react-hooks rules', () => {
  it('make a hook called conditionally, or an effect missing a dependency, a lint error in the renderer', async () => {
    const hookErrors = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/Bad.tsx') });
      return result!.messages
        .filter((m) => m.severity === 2 && m.ruleId?.startsWith('react-hooks/'))
        .map((m) => m.ruleId);
    };
    const conditional =
      "import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) { const [x] = useState(0); return x; }\n  return null;\n}\n";
    expect(await hookErrors(conditional)).toContain('react-hooks/rules-of-hooks');
    const missing =
      "import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => { document.title = id; }, []);\n  return null;\n}\n";
    expect(await hookErrors(missing)).toContain('react-hooks/exhaustive-deps');
  });
});
