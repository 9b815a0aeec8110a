import { isUnavailable, startupOptions } from './database.js';

describe('startupOptions', () => {
  it('sends jit=off and the statement timeout unless told not to (PgBouncer refuses the options parameter)', () => {
    expect(startupOptions({ statementTimeoutMs: 1234 })).toEqual({ options: '-c jit=off -c statement_timeout=1234' });
    expect(startupOptions({ statementTimeoutMs: 1234, startupOptions: true })).toEqual({ options: '-c jit=off -c statement_timeout=1234' });
    expect(startupOptions({ statementTimeoutMs: 1234, startupOptions: false })).toEqual({});
  });
});

describe('isUnavailable', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('knows a server that cannot be reached or went away', () => {
    expect(isUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433'))).toBe(true);
    expect(isUnavailable(pgError('ECONNRESET'))).toBe(true);
    expect(isUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isUnavailable(pgError('08006'))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    // TypeORM's QueryFailedError carries the driver's error.
    expect(isUnavailable({ message: 'wrapped', driverError: pgError('57P01') })).toBe(true);
  });

  it('leaves failures of the statement itself alone', () => {
    expect(isUnavailable(pgError('22P02', 'invalid input syntax for type uuid'))).toBe(false);
    expect(isUnavailable(pgError('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isUnavailable(pgError('40001', 'canceling statement due to conflict with recovery'))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});
