import { defineConfig } from 'vite';

// The verteltafel and paper-entry page of facilitators (served at /werkplek/{slug}/verteltafel and
// /werkplek/{slug}/papier), built on its own after the other pages (see package.json), so that sharing
// the form's widgets never changes how the public form's scripts are split: the form stays byte for byte
// what it was. Its service worker (public/verteltafel-sw.js) is copied as is, at a fixed address.
export default defineConfig({
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { verteltafel: 'verteltafel.html' },
    },
  },
});
