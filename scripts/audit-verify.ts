import { scriptContext } from './context.js';

/**
 * Verifies every audit chain with the keys, and every chain head the signed checkpoints in AUDIT_CHECKPOINT_DIR
 * recorded (`npm run audit:verify`); exits 1 when anything is broken.
 */
const ctx = await scriptContext();
try {
  const result = await ctx.audit.verifyAll();
  for (const b of result.broken) console.error(`BROKEN ${b.subjectType}/${b.subjectId} at seq ${b.seq}: ${b.reason}`);
  if (result.checkpoints === 0) console.warn('audit: no checkpoint found: a removed tail would go unnoticed (docs/operations.md)');
  console.log(
    `audit: ${result.chains} chains, ${result.entries} entries, ${result.checkpoints} checkpoints, ${result.broken.length} broken`,
  );
  process.exitCode = result.broken.length > 0 ? 1 : 0;
} finally {
  await ctx.close();
}
