// The security headers of every response: a strict Content Security Policy
// (no inline scripts or styles, nothing from other sites; pages are plain
// HTML with /assets/ scripts that enhance them) and helmet's other defaults.
// They never vary, so they are worked out once at start; helmet's Fastify
// plugin worked them out again for every request, a tenth of the time of an
// autosave under load.
import helmet from 'helmet';

export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const writeHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  const response = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader() {},
  };
  writeHeaders({} as never, response as never, () => {});
  return headers;
}
