import { validateEnv, HttpEnvSchema } from '@lib/core';
import { createApiApp, ensureFirstAdmin } from './bootstrap.js';

const { PORT, HOST } = validateEnv(HttpEnvSchema);
const app = await createApiApp();
await ensureFirstAdmin(app);
await app.listen(PORT, HOST);
console.log(`API listening on http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`);
