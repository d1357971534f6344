import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files served by the HTTP host and loaded by Electron.
// Relative asset paths so the same build works under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
