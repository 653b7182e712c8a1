/*
 * Tiến độ chuyển đổi số: the service worker (written by `tien-do-data
 * embeds` after each build, with this build's files).
 *
 * A reader who opened the site once can open it again offline: the app's
 * files and the data are kept on the device. Pages, data and boundaries are
 * asked of the network first (publishers update the data without
 * rebuilding) and the kept copy is used only when the network fails; the
 * page is then told, so it can say how old the data is. The app's own files
 * carry a hash in their names and never change: they come from the device.
 */
"use strict";
const CACHE = "__CACHE__";
const SHELL = __SHELL__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("tien-do-") && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

function hashed(url) {
  return /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/.test(url.pathname);
}

async function tell(clientId) {
  const client = clientId ? await self.clients.get(clientId) : null;
  const all = client ? [client] : await self.clients.matchAll({ type: "window" });
  all.forEach((c) => c.postMessage({ tienDoSavedCopy: true }));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (hashed(url)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          })
      )
    );
    return;
  }
  // Pages are kept by their address without the query: every view of
  // the site is the same page.
  const key = request.mode === "navigate" ? url.origin + url.pathname : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        // Only good answers are kept: an error page never replaces the
        // last good data.
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(async () => {
        const hit = await caches.match(key, { ignoreSearch: true });
        if (!hit) return Response.error();
        // The page's own requests (its data): tell it it has the kept copy.
        if (event.clientId) tell(event.clientId);
        return hit;
      })
  );
});
