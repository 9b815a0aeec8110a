export * from './targets.js';
export * from './region-codes.js';
