import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { IDEMPOTENCY_CONSTRAINT, IDEMPOTENCY_RETENTION_MS, IdempotencyStore, runInIdempotencyScope } from '@lib/core';
import type { Actor } from '@lib/auth';
import { HttpError, HttpErrorCode } from './http-errors.js';

/** Printable ASCII without spaces, as a UUID or any client-made token is; 8..200 characters. */
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
/** Answer headers a replay repeats. */
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on a POST (docs/api.md "Idempotency-Key"): the first request runs and its answer is kept for
 * 24 hours; a retry with the same key and the same request gets that answer again (`Idempotent-Replayed: true`),
 * with another request 422; while the first is still running, or when it committed but its answer was lost, 409
 * telling the client to look before trying again. The write claims the key in its own transaction (libs/core).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor | null }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw invalidKey();
    const scope = request.actor ? `user:${request.actor.id}` : `anon:${request.ip}`;
    const requestHash = createHash('sha256')
      .update(JSON.stringify([request.method, request.url.split('?')[0], request.body ?? null]))
      .digest('hex');

    const stored = await this.store.find(scope, header, IDEMPOTENCY_RETENTION_MS);
    if (stored) {
      if (stored.requestHash !== requestHash) throw keyReused();
      if (stored.status === null) throw outcomeUnknown();
      void reply.status(stored.status).header('Idempotent-Replayed', 'true');
      for (const [name, value] of Object.entries(stored.headers)) void reply.header(name, value);
      return of(stored.status === 204 ? undefined : stored.body);
    }

    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    // The handler runs, and subscribes, inside the key's scope so that its transaction claims the key.
    const handled = new Observable<unknown>((subscriber) =>
      runInIdempotencyScope(scope, header, requestHash, () => next.handle().subscribe(subscriber)),
    );
    return handled.pipe(
      mergeMap((body) =>
        from(
          (async () => {
            const headers = Object.fromEntries(
              REPLAYED_HEADERS.flatMap((name) => {
                const value = reply.getHeader(name);
                return value === undefined ? [] : [[name, String(value)]];
              }),
            );
            // The write has committed; if keeping its answer fails, a retry is told so (409), never run twice.
            await this.store.complete(scope, header, requestHash, status, headers, body).catch(() => undefined);
            return body;
          })(),
        ),
      ),
      catchError((error: unknown) => {
        throw concurrentDuplicate(error) ? outcomeUnknown() : error;
      }),
    );
  }
}

/** A second request with the key waited for the first's transaction and met its claim. */
function concurrentDuplicate(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { constraint?: string } | undefined)?.constraint === IDEMPOTENCY_CONSTRAINT
  );
}

const invalidKey = () =>
  new HttpError(HttpErrorCode.Validation, { zh: 'Idempotency-Key 无效', en: 'The Idempotency-Key is not valid' }, [
    {
      field: 'Idempotency-Key',
      code: 'invalid',
      message: {
        zh: 'Idempotency-Key 须为 8 至 200 个可见 ASCII 字符（如 UUID）',
        en: 'Idempotency-Key must be 8 to 200 printable ASCII characters (a UUID, say)',
      },
    },
  ]);
const keyReused = () =>
  new HttpError(HttpErrorCode.IdempotencyKeyReused, {
    zh: '此 Idempotency-Key 已用于另一个请求，请为新的请求使用新的键',
    en: 'This Idempotency-Key was used for another request: use a new key for a new request',
  });
const outcomeUnknown = () =>
  new HttpError(HttpErrorCode.IdempotencyConflict, {
    zh: '使用此 Idempotency-Key 的请求正在处理或已经完成：请先刷新查看结果，不要重复提交',
    en: 'The request with this Idempotency-Key is running or has completed: reload to see its result before trying again',
  });
