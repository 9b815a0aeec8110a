/**
 * The CSP source of a tile URL template: its scheme and host, with a host label holding a placeholder
 * (`{s}`, `t{s}`) turned into a wildcard, since CSP knows only leftmost `*.` wildcards.
 */
export function tileCspSource(template: string): string | null {
  const match = /^(https?:\/\/)([^/?#]+)/i.exec(template);
  if (!match) return null;
  const labels = match[2]!.split('.');
  const templated = labels.findIndex((l) => l.includes('{'));
  const host = templated === -1 ? labels.join('.') : ['*', ...labels.slice(templated + 1)].join('.');
  return `${match[1]!.toLowerCase()}${host}`;
}
