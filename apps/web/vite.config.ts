// Builds the web app (apps/web) into dist/web at the repository root, where the API serves it at `/`.
// Build: node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // Preact's automatic JSX runtime comes from tsconfig.json (jsx: react-jsx, jsxImportSource: preact).
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    // `vite` dev server: forward API calls to a locally running API.
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
});
