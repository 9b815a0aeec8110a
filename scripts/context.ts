import { JwtService } from '@nestjs/jwt';
import { AuditEnvSchema, auditSettings, AuthEnvSchema, FiguresEnvSchema, RedisEnvSchema, SharedCounters, validateEnv } from '@lib/core';
import { AuditService } from '@lib/audit';
import { OutboxService } from '@lib/events';
import { AuthService } from '@lib/auth';
import { FiguresService } from '@lib/targets';
import dataSource from '../migrations/data-source.js';

/** The library services for command-line scripts, on the migration DataSource (no Nest container needed). */
export async function scriptContext() {
  await dataSource.initialize();
  const audit = new AuditService(dataSource, auditSettings(validateEnv(AuditEnvSchema)));
  const outbox = new OutboxService(dataSource);
  const figures = new FiguresService(dataSource, { countedKinds: validateEnv(FiguresEnvSchema).COUNTED_FACILITY_KINDS.split(',') });
  const authAuth = () => {
    const env = validateEnv(AuthEnvSchema);
    const config = {
      jwtSecret: env.JWT_SECRET,
      jwtExpiresInSeconds: env.JWT_EXPIRES_IN_SECONDS,
      adminPassword: env.ADMIN_PASSWORD ?? null,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      loginAccountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
      registerRateLimitPerHour: env.REGISTER_RATE_LIMIT_PER_HOUR,
    };
    // Scripts never sign in: the counters stay unconnected.
    const redis = validateEnv(RedisEnvSchema);
    const counters = new SharedCounters({ url: redis.REDIS_URL, queuePrefix: redis.QUEUE_PREFIX });
    return new AuthService(dataSource, config, new JwtService({ secret: env.JWT_SECRET }), audit, counters);
  };
  return { dataSource, audit, outbox, figures, auth: authAuth, close: () => dataSource.destroy() };
}

/** `--name value` pairs from argv. */
export function args(): Map<string, string> {
  const out = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const next = argv[i + 1];
      out.set(a.slice(2), next && !next.startsWith('--') ? (i++, next) : 'true');
    }
  }
  return out;
}
