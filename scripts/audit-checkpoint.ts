import { scriptContext } from './context.js';

/** Writes a signed checkpoint of every audit chain's head to AUDIT_CHECKPOINT_DIR now (`npm run audit:checkpoint`). */
const ctx = await scriptContext();
try {
  const { path, chains } = await ctx.audit.writeCheckpoint();
  console.log(`audit checkpoint: ${chains} chains → ${path}`);
} finally {
  await ctx.close();
}
