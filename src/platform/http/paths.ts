// Which part of the application a request is for.

/** API requests, and the command line's requests to the running server, answer JSON; everything else answers pages. */
export function isApiRequest(url: string): boolean {
  return (
    url === '/api' ||
    url.startsWith('/api/') ||
    url.startsWith('/api?') ||
    url.startsWith('/internal/')
  );
}

// Any origin of our own will do to resolve a path against: only whether the
// result stays on it matters.
const THIS_SITE = 'http://transforma.invalid';

/**
 * A path on this site, as a browser would read it, or undefined. Resolved as
 * a URL, so that whatever a browser would take for another site ("//host",
 * "/\\host", "/<tab>/host", whose tab a browser drops) is refused, and
 * percent-encoded, so that it can go into a Location header as it is.
 * Control characters are refused outright.
 */
export function sameSitePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  let url: URL;
  try {
    url = new URL(value, THIS_SITE);
  } catch {
    return undefined;
  }
  return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

/** A `next` address to return to after signing in: only a path on this site, else home. */
export function safeNextPath(next: unknown): string {
  return sameSitePath(next) ?? '/';
}
