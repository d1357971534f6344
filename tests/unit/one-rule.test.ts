import { describe, expect, it } from 'vitest';
import { checkBaseRevision } from '../../electron/core/concurrency.js';
import { sha256 as exportHash } from '../../electron/core/export/folder.js';
import { sha256 as importHash } from '../../electron/core/import/read-file.js';
import { predictedFile } from '../../electron/core/lifecycle/lifecycle.js';
import { adrFileName, slugify } from '../../shared/adr/slug.js';
import { renderImported } from '../../shared/adr/roundtrip.js';
import { slug as idSlug } from '../../shared/evaluation.js';
import { decisionFrom } from '../helpers/adr.js';

describe('one slug for file names, predicted links and ids', () => {
  const titles = [
    'Straße und Brücke',
    'Æsir Øl Łódź',
    'Café crème',
    'Node.JS über alles',
    '日本語のみ',
    'A'.repeat(90) + ' tail',
  ];

  it('transliterates instead of dropping letters ("Straße" → "strasse")', () => {
    expect(slugify('Straße')).toBe('strasse');
    expect(predictedFile({ number: 7, title: 'Straße' })).toBe('0007-strasse.md');
    expect(idSlug('Straße')).toBe('strasse');
  });

  it.each(titles)('a link predicted before the first export names the file the export writes: %s', (title) => {
    expect(predictedFile({ number: 12, title })).toBe(
      adrFileName({ kind: 'number', width: 4 }, 12, '2026-01-01', title),
    );
  });

  it('ids made from names fall back to "item", file names to "decision"', () => {
    expect(idSlug('日本語')).toBe('item');
    expect(slugify('日本語')).toBe('decision');
  });
});

describe('one content hash', () => {
  it('the importer and the exporter hash the same bytes the same way', () => {
    for (const text of ['', 'plain', 'Straße\r\n', '\uFEFF# BOM']) {
      expect(importHash(text)).toBe(exportHash(text));
      expect(importHash(Buffer.from(text, 'utf8'))).toBe(exportHash(text));
    }
    expect(exportHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('one optimistic-concurrency check', () => {
  const current = { title: 'Use a queue', revision: 4 };
  it('lets a change based on the latest revision, or naming none, through', () => {
    expect(() => checkBaseRevision(current, 4, 'Reload it.')).not.toThrow();
    expect(() => checkBaseRevision(current, undefined, 'Reload it.')).not.toThrow();
  });
  it('refuses a stale base with a conflict that names both revisions and what to do', () => {
    expect(() => checkBaseRevision(current, 3, 'Reload it and apply the pack again.')).toThrow(
      expect.objectContaining({
        code: 'conflict',
        details: { revision: 4 },
        message: expect.stringMatching(
          /now revision 4; this change was based on 3\). Reload it and apply the pack again\.$/,
        ),
      }),
    );
  });
});

describe('renderImported catches only the failure it means', () => {
  it('a bug while patching surfaces instead of silently rewriting the file afresh', () => {
    const d = decisionFrom('nygard/0001-record-architecture-decisions.md');
    // A broken decision (a bug upstream) must throw, not come back as "write it afresh" (null).
    expect(() => renderImported({ ...d, drivers: null as unknown as typeof d.drivers })).toThrow(TypeError);
  });
});
