import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { registerAs } from '@nestjs/config';

/**
 * Environment variables are validated per namespace at boot; a bad value stops start-up
 * naming the variable (see .env.example for every variable and its meaning).
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type EnvSource = Record<string, string | undefined>;

export function validateEnv<T extends object>(schema: new () => T, env: EnvSource = process.env): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : value;
  }
  const instance = plainToInstance(schema, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(instance as object, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return instance;
}

function describe(error: ValidationError): string {
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${reasons} (got ${JSON.stringify(error.value)})`;
}

/** A Nest config namespace backed by a validated env class, mapped to the shape code uses. */
export function configNamespace<S extends object, R extends object>(name: string, schema: new () => S, map: (env: S) => R) {
  return registerAs(name, () => map(validateEnv(schema)));
}
