import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { appConfig } from '@lib/core';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A request id: the caller's X-Request-Id when sane, else a new UUID (Fastify's genReqId). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** pino with the request id of each request and no secrets in the logs. */
export function loggerOptions(app: ReturnType<typeof appConfig>): Params {
  return {
    pinoHttp: {
      level: app.logLevel,
      // Fastify assigned the id (and put it on the raw request's header) before pino sees the request.
      genReqId: (req: IncomingMessage) => String(req.headers['x-request-id']),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.idNumber'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
      // Request lines come from a Fastify onResponse hook (bootstrap.ts), with Fastify's request id.
      autoLogging: false,
    },
  };
}
