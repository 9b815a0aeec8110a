import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * The deepest nesting of objects and arrays a JSON body may have. The DTOs nest three levels; class-transformer
 * recurses once per level, and a body 5,000 levels deep overflowed its stack (a 500, found by the fuzz suite).
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests objects and arrays deeper than `limit` (iterative, so a deep body cannot overflow it). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Fastify's own JSON parser (prototype poisoning refused), plus the depth limit: 400 like any malformed body. */
export function limitJsonDepth(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
        return done(new BadRequestException(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      }
      done(null, value);
    });
  });
}
