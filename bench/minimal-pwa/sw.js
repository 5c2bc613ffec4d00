// Precache the four files, then answer every request from the cache first (navigations with the page).
const CACHE = 'minimal-pwa-v1';
const FILES = ['/', '/app.js', '/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const request = event.request.mode === 'navigate' ? '/' : event.request;
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(event.request)));
});
