export * from './config.js';
export * from './env.js';
export * from './database.js';
export * from './errors.js';
export * from './pagination.js';
export * from './json.js';
export * from './database.module.js';
export * from './async.js';
