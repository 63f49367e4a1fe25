import { describe, expect, it } from 'vitest';
import { jsonSyntaxErrorAt, readUploadedFramework } from './framework-upload.ts';

describe('reading an uploaded framework file', () => {
  it('reads UTF-8 JSON, with or without a byte-order mark', () => {
    expect(readUploadedFramework(Buffer.from('{"key":"x"}'))).toEqual({
      ok: true,
      document: { key: 'x' },
    });
    expect(readUploadedFramework(Buffer.from('\ufeff{"key":"ñ"}'))).toEqual({
      ok: true,
      document: { key: 'ñ' },
    });
  });

  it('places a JSON mistake by line and column', () => {
    expect(readUploadedFramework(Buffer.from('{\n  "a": 1,\n  "b": tru\n}'))).toEqual({
      ok: false,
      problem: { rule: 'notJson', line: 3, column: 11 },
    });
    expect(readUploadedFramework(Buffer.from('[1, 2,]'))).toEqual({
      ok: false,
      problem: { rule: 'notJson', line: 1, column: 7 },
    });
  });

  it('refuses an empty upload and text that is not UTF-8', () => {
    expect(readUploadedFramework(undefined)).toEqual({ ok: false, problem: { rule: 'noFile' } });
    expect(readUploadedFramework(Buffer.alloc(0))).toEqual({
      ok: false,
      problem: { rule: 'noFile' },
    });
    expect(readUploadedFramework(Buffer.from([0x22, 0xe9, 0x22]))).toEqual({
      ok: false,
      problem: { rule: 'notUtf8' },
    });
  });

  it('finds no mistake in any JSON that JSON.parse reads, and one in what it refuses', () => {
    const valid = ['{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n"],"b":{}}', ' [ ] ', '"text"', '0'];
    for (const text of valid) expect(jsonSyntaxErrorAt(text)).toBeUndefined();
    const invalid = ['{"a" 1}', '{"a":1,}', '[01]', '"unterminated', '{} extra', '', '"\\x"'];
    for (const text of invalid) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonSyntaxErrorAt(text)).toBeTypeOf('number');
    }
  });
});
