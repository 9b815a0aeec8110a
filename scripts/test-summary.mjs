// Prints each suite's time and the closing line CI reads: "tests: N passed, N failed".
import { readFileSync, existsSync } from 'node:fs';

const [file, started] = process.argv.slice(2);
if (!existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const root = process.cwd() + '/';
console.log('\nsuite times:');
for (const s of [...r.testResults].sort((a, b) => a.name.localeCompare(b.name))) {
  const secs = ((s.endTime - s.startTime) / 1000).toFixed(1).padStart(6);
  console.log(`  ${secs} s  ${s.status === 'passed' ? 'ok  ' : 'FAIL'}  ${s.name.replace(root, '')}`);
}
if (started) console.log(`total wall time: ${Math.round(Date.now() / 1000 - Number(started))} s`);
const skipped = r.numPendingTests + r.numTodoTests;
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
console.log(`tests: ${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || !r.success ? 1 : 0);
