import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The console, built into dist/console and served by the API at /console. */
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [preact()],
  build: {
    outDir: `${here}/../../dist/console`,
    emptyOutDir: true,
    // The README states the budget; the console test checks the bytes sent against it.
    chunkSizeWarningLimit: 100,
  },
});
