import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger } from 'nestjs-pino';
import {
  AppEnvSchema,
  AuthEnvSchema,
  HttpEnvSchema,
  MapEnvSchema,
  SharedCounters,
  tileSubdomains,
  trustProxySetting,
  validateEnv,
} from '@lib/core';
import { AuthService } from '@lib/auth';
import { AppModule } from './app.module.js';
import { globalValidationPipe } from './common/validation.js';
import { problemOf, sendProblem, transportProblem } from './common/problem.filter.js';
import { languageOf } from './common/language.js';
import { requestId } from './common/logging.js';
import { limitJsonDepth } from './common/json-body.js';
import { answerOversizeBodiesCleanly, frameworkProblem } from './common/transport-limits.js';
import { tileCspSources } from './common/csp.js';
import { registerQueueDashboard } from './admin/queues.js';
import { registerMetrics } from './metrics/metrics.js';
import { webCacheControl } from './common/web-pages.js';
import { openApiDocument } from './openapi.js';

/** The repository (or image) root: the nearest folder above this file with a package.json (from src/ or dist/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The path of a URL, percent-decoded (a malformed escape leaves it as it was). */
function decodedPath(url: string): string {
  const path = url.split('?')[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Client-side routes of the web app (apps/web/src/app.tsx). */
const WEB_ROUTES = ['/login', '/console', '/console/*', '/facilities/*', '/complain', '/complain/*'];

/** Builds the API (not listening): used by main.ts and by the e2e tests alike. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const http = validateEnv(HttpEnvSchema);
  const map = validateEnv(MapEnvSchema);
  const adapter = new FastifyAdapter({
    bodyLimit: http.BODY_LIMIT_BYTES,
    // The client's address (limits, logs) from X-Forwarded-For only through the proxies TRUST_PROXY names.
    trustProxy: trustProxySetting(http.TRUST_PROXY),
    requestIdHeader: false,
    genReqId: requestId,
    // 414 (a path parameter too long) and 400 (a malformed escape) as problem+json.
    frameworkErrors: frameworkProblem,
  });
  // Bodies are parsed by limitJsonDepth (below), not by Nest's parser.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(globalValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // Images from the configured basemap's hosts only (one per subdomain), besides the app's own.
  const tileHosts = map.MAP_TILE_URL ? tileCspSources(map.MAP_TILE_URL, tileSubdomains(map.MAP_TILE_SUBDOMAINS)) : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileHosts],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The demo and tests serve plain HTTP on localhost; TLS is the proxy's job.
        upgradeInsecureRequests: null,
      },
    },
  });
  const origins = http.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: false });

  // One request id for the logs and the answer; one log line per request (not for /health probes).
  const httpLog = new NestLogger('HTTP');
  fastify.addHook('onRequest', async (request, reply) => {
    request.raw.headers['x-request-id'] = request.id;
    void reply.header('X-Request-Id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url === '/health') return;
    httpLog.log(
      { reqId: request.id, method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  answerOversizeBodiesCleanly(fastify, http.BODY_LIMIT_BYTES);
  limitJsonDepth(fastify);

  // Bodies are JSON only: anything else is 415 before it reaches a handler.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = request.headers['content-type'] ?? '';
    if (hasBody && !/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
      const known = transportProblem(415)!;
      sendProblem(reply, problemOf(415, known.detail, [], languageOf(request.headers['accept-language']), known.code));
      return reply;
    }
  });

  // The public limit, counted in Redis for all API processes together, on the route the request matched (a
  // percent-encoded path matches the same route and counts alike). Open while Redis is away: parents keep searching.
  const counters = app.get(SharedCounters);
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url ?? decodedPath(request.url);
    if (!route.startsWith('/api/v1/public/')) return;
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    const limit = write ? http.PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE : http.PUBLIC_RATE_LIMIT_PER_MINUTE;
    const counted = await counters.hit(`public${write ? '-write' : ''}:${request.ip}`, 60_000).catch(() => null);
    const wait = counted && counted.count > limit ? counted.retryAfter : 0;
    if (wait > 0) {
      const lang = languageOf(request.headers['accept-language']);
      sendProblem(
        reply,
        problemOf(429, { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' }, [], lang, 'rate_limited'),
        wait,
      );
      return reply;
    }
  });

  await registerQueueDashboard(app);
  await registerMetrics(app, { token: http.METRICS_TOKEN, public: http.METRICS_PUBLIC });

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  const webDist = http.WEB_DIST || join(projectRoot(), 'dist', 'web');
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes `.br` and `.gz` beside each text file (apps/web/build/web-assets.ts).
      preCompressed: true,
      setHeaders: (reply, path) => void reply.header('Cache-Control', webCacheControl(path)),
    });
    // The web app routes these paths itself (history API): answer its page for them.
    for (const path of WEB_ROUTES) fastify.get(path, (_request, reply) => reply.sendFile('index.html'));
    // Any other unknown page a browser asks for gets the web app's own not-found page (ProblemFilter, sendWebNotFound).
  }
  return app;
}

/**
 * The first admin: when none exists, create `admin` with ADMIN_PASSWORD; without it a production
 * start refuses to run, and any other environment generates one and prints it once.
 */
export type FirstAdminPlan = { kind: 'exists' } | { kind: 'refuse' } | { kind: 'create'; password: string; print: boolean };

export function firstAdminPlan(appEnv: string, adminPassword: string | undefined, adminExists: boolean): FirstAdminPlan {
  if (adminExists) return { kind: 'exists' };
  if (adminPassword) return { kind: 'create', password: adminPassword, print: false };
  if (appEnv === 'production') return { kind: 'refuse' };
  return { kind: 'create', password: randomBytes(12).toString('base64url'), print: true };
}

export async function ensureFirstAdmin(app: NestFastifyApplication): Promise<void> {
  const { APP_ENV } = validateEnv(AppEnvSchema);
  const { ADMIN_PASSWORD } = validateEnv(AuthEnvSchema);
  const auth = app.get(AuthService);
  const plan = firstAdminPlan(APP_ENV, ADMIN_PASSWORD, await auth.adminExists());
  if (plan.kind === 'refuse') throw new Error('No admin exists and ADMIN_PASSWORD is not set: refusing to start in production.');
  if (plan.kind === 'create' && (await auth.ensureFirstAdmin(plan.password))) {
    console.log(`\n  First admin created: username "admin", password ${plan.print ? plan.password : '(from ADMIN_PASSWORD)'}\n`);
  }
}
