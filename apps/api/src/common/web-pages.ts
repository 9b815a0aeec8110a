import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Caching of the built web app (dist/web): files under `assets/` carry a content hash in their name, so they are
 * cached for a year and never revalidated; everything else (index.html) is revalidated on every visit, so a new
 * deployment is picked up at once.
 */
export function webCacheControl(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Paths the API answers itself: an unknown one stays a problem+json 404. */
const API_PATHS = /^\/(api|admin|health)(\/|$|\?)/;

/**
 * Whether an unknown path should get the web app's not-found page rather than problem+json: a browser navigating
 * (GET or HEAD asking for HTML) to a path outside the API's own.
 */
export function wantsWebPage(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (API_PATHS.test(url)) return false;
  return /\btext\/html\b/i.test(accept ?? '');
}

/**
 * The web app's not-found page (index.html with status 404; the app shows its page) when the request wants one and
 * this server serves the built web app (@fastify/static decorates the reply with `sendFile`); else false.
 */
export function sendWebNotFound(request: FastifyRequest, reply: FastifyReply): boolean {
  const served = reply as FastifyReply & { sendFile?: (file: string) => unknown };
  if (typeof served.sendFile !== 'function' || !wantsWebPage(request.method, request.url, request.headers.accept)) return false;
  void reply.code(404);
  void served.sendFile('index.html');
  return true;
}
