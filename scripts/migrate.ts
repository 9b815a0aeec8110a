import dataSource from '../migrations/data-source.js';

/** Applies pending migrations (`node dist/scripts/migrate.js`); `--revert` undoes the last one. */
const revert = process.argv.includes('--revert');
await dataSource.initialize();
try {
  if (revert) await dataSource.undoLastMigration({ transaction: 'each' });
  else {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `migrations applied: ${applied.map((m) => m.name).join(', ')}` : 'migrations: up to date');
  }
} finally {
  await dataSource.destroy();
}
