import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { POLICY_KEY } from '@lib/auth';

/** Lists every HTTP route with whether it declares an access policy. */
export function routePolicies(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector) {
  const routes: { route: string; hasPolicy: boolean }[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as (...args: unknown[]) => unknown;
      if (reflector.get(METHOD_METADATA, handler) === undefined) continue;
      const hasPolicy = reflector.getAllAndOverride(POLICY_KEY, [handler, wrapper.metatype as Function]) !== undefined;
      const base = String(reflector.get(PATH_METADATA, wrapper.metatype as Function) ?? '');
      routes.push({ route: `${wrapper.name}.${name} (${base}/${String(reflector.get(PATH_METADATA, handler) ?? '')})`, hasPolicy });
    }
  }
  return routes;
}

/** Start-up fails when any route has no declared policy (docs/architecture.md "Access: policies and reach"). */
@Injectable()
export class PolicyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = routePolicies(this.discovery, this.scanner, this.reflector).filter((r) => !r.hasPolicy);
    if (missing.length > 0) throw new Error(`Routes without an access policy:\n  ${missing.map((r) => r.route).join('\n  ')}`);
  }
}
