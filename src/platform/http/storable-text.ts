// Text that cannot be stored is refused where it comes in: a NUL character
// (PostgreSQL text cannot hold one, and the write fails half way) or half of
// a UTF-16 surrogate pair (not text at all). Every string of a request's
// query, parameters and body is checked before any route sees it, so no
// field can be forgotten. Pure.

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The path (e.g. `body.answers[2].comment`) of the first string in `value` that cannot be stored. */
export function unstorableTextAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const found =
        unstorableTextAt(key, `${path}.${key}`) ?? unstorableTextAt(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
