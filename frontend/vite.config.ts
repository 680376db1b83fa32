import { defineConfig } from 'vite';

// Five pages: a small public landing page, the vertelpunt form (served at /v/{slug} by Quarkus), the
// staff workspace (served at /werkplek/…), the page of a session table (served at /t/{token}) and the page
// where a participant types a table's short code (/t, /t/{code}). The
// workspace's views and Chart.js are chunks of their own, loaded when needed, so the form never carries
// them; the table page shares only small modules with the form.
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
        tafel: 'tafel.html',
        tafelcode: 'tafelcode.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
