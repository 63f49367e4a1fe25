// Which part of the application a request is for.

/** API requests answer JSON; everything else answers pages. */
export function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/** A `next` address to return to after signing in: only a path on this site. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\')
    ? next
    : '/';
}
