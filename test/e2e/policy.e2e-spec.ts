import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { PolicyCheck, routePolicies } from '../../apps/api/src/common/policy-check.js';
import { startApi } from '../helpers/app.js';

describe('route policies', () => {
  it('are declared by every route of the API', async () => {
    const api = await startApi();
    try {
      const routes = routePolicies(api.app.get(DiscoveryService), api.app.get(MetadataScanner), api.app.get(Reflector));
      expect(routes.length).toBeGreaterThan(10);
      expect(routes.filter((r) => !r.hasPolicy)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('stop start-up when a route has none', async () => {
    @Controller('forgotten')
    class ForgottenController {
      @Get()
      open() {
        return 'anyone';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [ForgottenController], providers: [PolicyCheck] })
    class BrokenModule {}
    const app = await NestFactory.create(BrokenModule, new FastifyAdapter(), { logger: false, abortOnError: false });
    await expect(app.init()).rejects.toThrow(/Routes without an access policy:\n\s+ForgottenController\.open/);
    await app.close();
  });
});
