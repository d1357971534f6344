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
    expect(await errors('renderer/src/Bad.tsx', "import { app } from 'electron'; export const x = app;")).toHaveLength(1);
    expect(await errors('renderer/src/Bad.tsx', "import D from 'better-sqlite3'; export const x = D;")).toHaveLength(1);
    expect(await errors('renderer/src/Bad.tsx', "import { createCore } from '../../electron/core/core.js'; export const x = createCore;")).toHaveLength(1);
  });

  it('keep shared/ free of Node, Electron, the database and React', async () => {
    expect(await errors('shared/bad.ts', "import path from 'path'; export const x = path;")).toHaveLength(1);
    expect(await errors('shared/bad.ts', "import React from 'react'; export const x = React;")).toHaveLength(1);
  });

  it('keep electron out of the core', async () => {
    expect(await errors('electron/core/bad.ts', "import { app } from 'electron'; export const x = app;")).toHaveLength(1);
    expect(await errors('electron/core/ok.ts', "import fs from 'node:fs'; export const x = fs;")).toHaveLength(0);
  });
});
