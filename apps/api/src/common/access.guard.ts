import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthService, POLICY_KEY, decide, type Actor, type Policy } from '@lib/auth';
import { forbidden, unauthenticated } from './http-errors.js';

type RequestWithActor = FastifyRequest & { actor?: Actor | null };

/** Checks every route's declared policy against the bearer token's actor (the one place that does). */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    // Unreachable after the start-up check, kept so a route without a policy can never be open.
    if (!policy) throw forbidden();
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.replace(/^Bearer\s+/i, '') : null;
    const actor = token ? await this.auth.actorFromToken(token) : null;
    if (token && !actor && policy.kind !== 'public') throw unauthenticated();
    request.actor = actor;
    const decision = decide(policy, actor);
    if (decision === 'unauthenticated') throw unauthenticated();
    if (decision === 'forbidden') throw forbidden();
    return true;
  }
}

/** The signed-in caller (routes whose policy requires one). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});
