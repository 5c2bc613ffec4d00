/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };
import { prerenderFirstScreen } from './scripts/prerender-plugin.mjs';

const src = fileURLToPath(new URL('./src', import.meta.url));
// react-router's package exports name only its development build, which differs from the production one by its
// warnings switch alone (ENABLE_DEV_WARNINGS): the app's build takes the production file, which drops them.
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

export default defineConfig(({ command }) => ({
  resolve: {
    alias: [
      { find: '@', replacement: src },
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : []),
    ],
  },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    react(),
    // The sign-in and lock screens prerendered into index.html, hydrated by the app (issue 25).
    prerenderFirstScreen(),
    VitePWA({
      // 'prompt': a new service worker waits until the nurse taps "Update" (never mid-infusion).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        id: '/',
        name: 'Chevet',
        short_name: 'Chevet',
        description: 'Recueil au chevet du patient — essai MSC-LES',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f7f9',
        theme_color: '#0b5d6b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Precache the whole app (lazy route chunks and both catalogues) so it starts offline.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,json}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup-indexeddb.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));
