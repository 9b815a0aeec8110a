// The query string of a list's GET: the parameters given, those left out (undefined, null or empty) not sent.
// `false` and 0 are sent: they are values, not "no filter".
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
