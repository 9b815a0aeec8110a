import type { FastifyReply } from 'fastify';

/** `ETag: "<version>"` on facilities and classes (docs/api.md "Concurrency"). */
export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('ETag', `"${version}"`);
}

/**
 * The version an If-Match names: undefined when absent (→ 428), NaN when unreadable (→ 412, it can match
 * nothing). A weak `W/"3"` is equivalent to `"3"`.
 */
export function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0]! : header;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}
