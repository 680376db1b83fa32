import { defineConfig } from 'vite';

// Two pages: a small public landing page and the vertelpunt form (served at /v/{slug} by Quarkus).
export default defineConfig({
  build: {
    outDir: 'dist',
    target: 'es2020',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: 'index.html',
        vertel: 'vertel.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
