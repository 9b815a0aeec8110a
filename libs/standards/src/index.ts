export * from './targets.js';
export * from './region-codes.js';
export * from './registry-types.js';
export * from './dates.js';
export * from './checksums.js';
export * from './classes.js';
export * from './standards-config.js';
export * from './compliance.js';
