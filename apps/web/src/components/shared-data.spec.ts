import { describe, expect, it } from '@jest/globals';
import { sharedResource } from './shared-data';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('sharedResource', () => {
  it('keeps the last value per key and shares one request per key', async () => {
    const calls: string[] = [];
    const answers = new Map<string, ReturnType<typeof deferred<number>>>();
    const resource = sharedResource<string, number>((key) => {
      calls.push(key);
      const d = deferred<number>();
      answers.set(key, d);
      return d.promise;
    });
    expect(resource.cached('a')).toBeUndefined();
    const first = resource.load('a');
    const second = resource.load('a');
    expect(calls).toEqual(['a']);
    answers.get('a')!.resolve(3);
    expect(await first).toBe(3);
    expect(await second).toBe(3);
    expect(resource.cached('a')).toBe(3);
    expect(resource.cached('b')).toBeUndefined();
    // A later load asks again.
    const third = resource.load('a');
    expect(calls).toEqual(['a', 'a']);
    answers.get('a')!.resolve(4);
    expect(await third).toBe(4);
  });

  it('keeps the previous value when a load fails, and asks again next time', async () => {
    let fail = false;
    const resource = sharedResource<string, number>(async () => {
      if (fail) throw new Error('offline');
      return 7;
    });
    await resource.load('x');
    fail = true;
    await expect(resource.load('x')).rejects.toThrow('offline');
    expect(resource.cached('x')).toBe(7);
    fail = false;
    expect(await resource.load('x')).toBe(7);
  });

  it('tells subscribers what was loaded and when everything is stale', async () => {
    const resource = sharedResource<{ id: string }, string>(
      async (key) => `value of ${key.id}`,
      (key) => key.id,
    );
    const events: unknown[] = [];
    const unsubscribe = resource.subscribe((event) => events.push(event));
    await resource.load({ id: 'u1' });
    resource.refresh();
    unsubscribe();
    resource.refresh();
    expect(events).toEqual([{ kind: 'loaded', key: { id: 'u1' } }, { kind: 'stale' }]);
    expect(resource.cached({ id: 'u1' })).toBe('value of u1');
  });

  it('gives reference data from the one load of the page, and asks again only after a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const resource = sharedResource<{ id: string; lang: string }, string>(
      async (key) => {
        calls.push(`${key.id}/${key.lang}`);
        if (fail) throw new Error('offline');
        return `name of ${key.id} in ${key.lang}`;
      },
      (key) => key.id,
    );
    await expect(resource.get({ id: 'f1', lang: 'zh-CN' })).rejects.toThrow('offline');
    fail = false;
    const [a, b] = await Promise.all([resource.get({ id: 'f1', lang: 'zh-CN' }), resource.get({ id: 'f1', lang: 'en' })]);
    expect([a, b]).toEqual(['name of f1 in zh-CN', 'name of f1 in zh-CN']);
    expect(await resource.get({ id: 'f1', lang: 'en' })).toBe('name of f1 in zh-CN');
    expect(calls).toEqual(['f1/zh-CN', 'f1/zh-CN']);
  });
});
