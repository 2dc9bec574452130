// Service worker: keeps the app and its data on this device so it works offline after the
// first visit. It only ever fetches this site's own files. Written by scripts/write_sw.py at
// build time, which fills in the file list and a version derived from their contents.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `unfreeze-${VERSION}`;

self.addEventListener('install', (event) => {
  // Take over at once; the page then offers a reload ("a new version is ready").
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('unfreeze-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Cached copy first; the network only for what is not cached (and never cached after the
  // fact, so a stale page cannot mix two versions).
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache
        .match(request, { ignoreSearch: true })
        .then((hit) => hit || (request.mode === 'navigate' ? cache.match('./') : undefined))
        .then((hit) => hit || fetch(request)),
    ),
  );
});
