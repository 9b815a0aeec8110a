import type { EntityManager } from 'typeorm';
import type { Role } from './roles.js';

/**
 * Loader for the demo seed: a user written as given, with a password hash that no password matches, so the account
 * exists (an application's parent) but never signs in. Skips the rules and the audit trail; only this library names
 * the users table (docs/architecture.md "Table ownership").
 */
export async function loadUserThatNeverSignsIn(
  m: EntityManager,
  user: { id: string; username: string; displayName: string; role: Role },
): Promise<void> {
  await m.query(`INSERT INTO users (id, username, password_hash, display_name, role) VALUES ($1, $2, 'demo: never signs in', $3, $4)`, [
    user.id,
    user.username,
    user.displayName,
    user.role,
  ]);
}
