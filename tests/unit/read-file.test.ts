import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../../electron/core/import/read-file.js';

describe('reading a file as UTF-8 text', () => {
  it('keeps a byte-order mark as part of the text, so the file is written back byte for byte', () => {
    const r = decode(Buffer.from('\uFEFF# Title\r\n', 'utf8'));
    expect(r.ok && r.text).toBe('\uFEFF# Title\r\n');
  });

  it('refuses binary data, naming where it is', () => {
    const r = decode(Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42]));
    expect(r).toMatchObject({ ok: false, kind: 'binary' });
    expect(!r.ok && r.reason).toMatch(/NUL byte at offset 3/);
  });

  it('refuses invalid UTF-8 with the offset and line, and says to save as UTF-8', () => {
    const r = decode(Buffer.from('# T\n\nCaf\xe9\n', 'latin1'));
    expect(r).toMatchObject({ ok: false, kind: 'encoding' });
    expect(!r.ok && r.reason).toMatch(/byte 0xE9 at offset 8, line 3\). Save it as UTF-8/);
  });

  it('refuses UTF-16', () => {
    expect(decode(Buffer.from('\uFEFF# T\n', 'utf16le'))).toMatchObject({ ok: false, kind: 'encoding' });
  });

  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('ok ✅ é', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe2, 0x9c]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
