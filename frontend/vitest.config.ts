import { defineConfig } from 'vitest/config';

// Unit tests of the frontend's own logic (src/**/*.test.ts), without a browser: happy-dom gives the few DOM
// and storage APIs the modules touch. What needs a real browser is tested in Chromium from the Java suite.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
  },
});
