import { scriptContext } from './context.js';

/** Verifies every audit hash chain (`npm run audit:verify`); exits 1 when any is broken. */
const ctx = await scriptContext();
try {
  const result = await ctx.audit.verifyAll();
  for (const b of result.broken) console.error(`BROKEN ${b.subjectType}/${b.subjectId} at seq ${b.seq}: ${b.reason}`);
  console.log(`audit: ${result.chains} chains, ${result.entries} entries, ${result.broken.length} broken`);
  process.exitCode = result.broken.length > 0 ? 1 : 0;
} finally {
  await ctx.close();
}
