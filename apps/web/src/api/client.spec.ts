import { afterEach, describe, expect, it } from '@jest/globals';
import { apiRequest, newIdempotencyKey } from './client';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A fetch that answers the given statuses in turn (a thrown error for 0) and keeps each request's headers. */
function fakeFetch(statuses: number[]) {
  const seen: Record<string, string>[] = [];
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    seen.push({ ...(init.headers as Record<string, string>) });
    const status = statuses[seen.length - 1] ?? 500;
    if (status === 0) throw new TypeError('network down');
    return new Response(status === 201 ? JSON.stringify({ id: 'f1' }) : '', { status });
  }) as typeof fetch;
  return seen;
}

describe('POST retries', () => {
  it('send one Idempotency-Key and repeat it when the network fails or the server is briefly away', async () => {
    const seen = fakeFetch([0, 503, 201]);
    const result = await apiRequest<{ id: string }>('POST', '/facilities', { auth: false, body: { name: 'x' } });
    expect(result.data).toEqual({ id: 'f1' });
    expect(seen).toHaveLength(3);
    const keys = seen.map((h) => h['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('give up after two retries, and never retry other methods or other answers', async () => {
    const failing = fakeFetch([503, 503, 503, 201]);
    await expect(apiRequest('POST', '/facilities', { auth: false, body: {} })).rejects.toMatchObject({ status: 503 });
    expect(failing).toHaveLength(3);
    const patch = fakeFetch([503, 201]);
    await expect(apiRequest('PATCH', '/facilities/1', { auth: false, body: {} })).rejects.toMatchObject({ status: 503 });
    expect(patch).toHaveLength(1);
    expect(patch[0]!['Idempotency-Key']).toBeUndefined();
    const refused = fakeFetch([422, 201]);
    await expect(apiRequest('POST', '/facilities', { auth: false, body: {} })).rejects.toMatchObject({ status: 422 });
    expect(refused).toHaveLength(1);
  });

  it('make a new key for each request', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});
