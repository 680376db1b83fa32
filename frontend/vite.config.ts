import { defineConfig } from 'vite';

// Three pages: a small public landing page, the vertelpunt form (served at /v/{slug} by Quarkus) and the
// staff workspace (served at /werkplek/…). The workspace's views and Chart.js are chunks of their own,
// loaded when needed, so the form never carries them.
export default defineConfig({
  build: {
    outDir: 'dist',
    target: 'es2020',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        index: 'index.html',
        vertel: 'vertel.html',
        werkplek: 'werkplek.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
