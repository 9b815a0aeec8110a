/**
 * The CSP sources of a tile URL template: its scheme and host, once per subdomain when the host holds `{s}` (Leaflet
 * picks one of `subdomains` per tile), so that the policy allows exactly the hosts tiles come from and nothing
 * more (issue #18: no wildcard). Empty for what is not an http(s) URL or a host with another placeholder.
 */
export function tileCspSources(template: string, subdomains: readonly string[]): string[] {
  const match = /^(https?:\/\/)([^/?#]+)/i.exec(template);
  if (!match) return [];
  const scheme = match[1]!.toLowerCase();
  const host = match[2]!.toLowerCase();
  const hosts = host.includes('{s}') ? subdomains.map((s) => host.split('{s}').join(s.toLowerCase())) : [host];
  if (hosts.length === 0 || hosts.some((h) => /[{}*]/.test(h))) return [];
  return [...new Set(hosts.map((h) => `${scheme}${h}`))];
}
