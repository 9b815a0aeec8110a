// `node --import ./scripts/contract/swc-register.mjs file.ts`: see swc-hooks.mjs.
import { register } from 'node:module';

register('./swc-hooks.mjs', import.meta.url);
