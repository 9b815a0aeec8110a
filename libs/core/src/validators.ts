import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD, in 1900..2199 (PostgreSQL has no year 0; issue #14). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date YYYY-MM-DD', ...options },
      validator: { validate: isDateOnly },
    });
}

/**
 * A check-digit rule: fails (with error code `checksum`) only when the value has the right shape but a
 * wrong check character, so a malformed value is reported once, as `invalid`, by its shape rule.
 */
export function HasValidChecksum(shape: RegExp, valid: (value: string) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasValidChecksum',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property has a wrong check character', context: { code: 'checksum' }, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !shape.test(value) || valid(value) },
    });
}

/**
 * Query-string values for `@Transform`: a number from its text (an empty or blank value stays a string and fails
 * `@IsNumber`/`@IsInt`, where `Number('')` would make it 0), and `true`/`false` as booleans; anything else is left
 * as it came so that the type check names the field.
 */
export function queryNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
}

export function queryBoolean({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown {
  const raw = obj[key];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
}

/**
 * A finite number with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })` throws on numbers
 * that print in exponent form (2.4e-284: no '.' to split on), which made a 500 of a bad area (found by the fuzz suite).
 */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [places],
      options: { message: `$property must be a number with at most ${places} decimals`, ...options },
      validator: { validate: (value: unknown) => hasAtMostDecimals(value, places) },
    });
}
