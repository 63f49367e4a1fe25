// Reading an uploaded framework file: UTF-8 text holding JSON. A file that is
// neither is one problem, placed by line and column, so its author can find it.

export type UploadProblem =
  | { rule: 'noFile' }
  | { rule: 'notUtf8' }
  | { rule: 'notJson'; line?: number; column?: number };

export function readUploadedFramework(
  file: Buffer | undefined,
): { ok: true; document: unknown } | { ok: false; problem: UploadProblem } {
  if (!file || file.length === 0) return { ok: false, problem: { rule: 'noFile' } };
  let text: string;
  try {
    // A byte-order mark, which some editors write, is dropped here, as JSON.parse would refuse it.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return { ok: false, problem: { rule: 'notUtf8' } };
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch {
    const at = jsonSyntaxErrorAt(text);
    return { ok: false, problem: { rule: 'notJson', ...(at ? lineAndColumn(text, at) : {}) } };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where JSON text first goes wrong (an offset), or undefined if it does not.
 * JSON.parse says where only in some of its messages, and in English; this
 * walks the grammar to find the place itself.
 */
export function jsonSyntaxErrorAt(text: string): number | undefined {
  let i = 0;
  class Stop extends Error {}
  const fail = (at = i): never => {
    i = at;
    throw new Stop();
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      const char = text[i] ?? '';
      if (char < ' ') fail();
      if (char === '\\') {
        i++;
        const escaped = text[i];
        if (escaped === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          }
          i += 4;
        } else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          fail();
        }
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += match?.[0].length ?? 0;
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const value = () => {
    ws();
    const char = text[i];
    if (char === '{')
      members('}', () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    else if (char === '[') members(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (error) {
    if (error instanceof Stop) return Math.min(i, text.length);
    throw error;
  }
}
