// Builds the web app (apps/web) into dist/web at the repository root, where the API serves it at `/`.
// Build: node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { webAssets } from './build/web-assets.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
// Source maps are written for the build but kept out of the served folder (issue #18: not served publicly).
const sourceMapDir = fileURLToPath(new URL('../../dist/web-sourcemaps', import.meta.url));
const reportFile = fileURLToPath(new URL('../../dist/web-build-report.json', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // The web app may use one server library: libs/standards (vocabularies, labels, checksums; pure, no Node).
  resolve: { alias: { '@lib/standards': fileURLToPath(new URL('../../libs/standards/src/index.ts', import.meta.url)) } },
  // Preact's automatic JSX runtime comes from tsconfig.json (jsx: react-jsx, jsxImportSource: preact).
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // 'hidden': the maps are written but the scripts do not point at them; webAssets() moves them out of outDir.
    sourcemap: 'hidden',
    rollupOptions: {
      // libs/standards is pure (dependency-cruiser's standards-pure), so a module of it the app does not use is left
      // out even though its top level computes tables (the compliance rules are the server's, not the browser's).
      treeshake: { moduleSideEffects: (id) => !id.includes('/libs/standards/') },
      // Everything the entry imports statically goes into one first-load chunk. Left alone, the bundler splits the
      // modules both the entry and the lazy pages import (libs/standards' vocabularies and labels among them) into
      // shared chunks, which compress worse apart and put the first load over its 80 KB budget.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
  plugins: [webAssets({ outDir, sourceMapDir, reportFile })],
  server: {
    // `vite` dev server: forward API calls to a locally running API.
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
});
