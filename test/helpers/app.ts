import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import pg from 'pg';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthService, type Agency, type Role } from '@lib/auth';
import { SharedCounters } from '@lib/core';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

/**
 * Test servers in this process, on the database and Redis that scripts/test.sh prepared
 * (DATABASE_URL, REDIS_URL, QUEUE_PREFIX). Configuration is read from process.env when a
 * server is created, so a test overrides a setting by passing `env`.
 */
export function withEnv<T>(env: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return build().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

export interface TestApi {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  close: () => Promise<void>;
}

export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  const app = await withEnv({ LOG_LEVEL: 'error', ...env }, async () => {
    const a = await createApiApp();
    await a.init();
    await a.getHttpAdapter().getInstance().ready();
    return a;
  });
  // On a loaded machine the counters' first connection to Redis can take longer than start-up waits for it, and a
  // login meanwhile is refused (503, closed while Redis is away): suites that do not cut Redis off wait for it.
  if (!env['REDIS_URL']) {
    const counters = app.get(SharedCounters);
    for (let waited = 0; !counters.connected && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get<DataSource>(getDataSourceToken()),
    close: () => app.close(),
  };
}

export async function startWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv({ LOG_LEVEL: 'error', OUTBOX_POLL_MS: '50', ...env }, async () => {
    const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await ctx.init();
    return ctx;
  });
}

let counter = 0;
/** A unique name per call, so tests never collide on usernames. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Every test account's password (one the password policy accepts). */
export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  role: Role;
  username: string;
  password: string;
  token: string;
}

/** Creates a user straight through the library (as an admin would) and signs it in through HTTP. */
export async function createUser(api: TestApi, role: Role, extra: { agency?: Agency; regionCode?: string } = {}): Promise<TestUser> {
  const username = unique(role);
  const password = TEST_PASSWORD;
  const auth = api.app.get(AuthService);
  const actor = { id: '00000000-0000-4000-8000-000000000000', username: 'test', role: 'admin' as const, agency: null, regionCode: null };
  const user = await auth.createUser(actor, { username, password, displayName: `测试 ${username}`, role, ...extra });
  const res = await api.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
  return { id: user.id, role, username, password, token: res.body.accessToken as string };
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

/** Polls until `check` passes or the time is up (for effects the worker produces). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      last = e;
      if (Date.now() > deadline) throw last;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

/**
 * One statement as the database's owner (DATABASE_OWNER_URL): DDL such as a fault-injecting trigger, which the
 * application's role may not run.
 */
export async function ownerQuery(sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
