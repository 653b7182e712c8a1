/*
 * Tiến độ chuyển đổi số: the service worker (written by `tien-do-data
 * embeds` after each build, with this build's files).
 *
 * A reader who opened the site once can open it again offline: the app's
 * files and the data are kept on the device. Pages, data and boundaries are
 * asked of the network first (publishers update the data without
 * rebuilding); the kept copy is used when the network fails, answers with a
 * server error, or takes more than 8 seconds, and the page is then told, so
 * it can say how old the data is. The app's own files carry a hash in their
 * names and never change: they come from the device.
 */
"use strict";
// One cache per build and data release (its name changes with any file it
// keeps) and per copy of the site (several can share an origin: a staging
// copy, another sub-folder).
const SCOPE = self.registration.scope;
const PREFIX = "tien-do:" + SCOPE + ":";
const CACHE = PREFIX + "__VERSION__";
const SHELL = __SHELL__;
const PATIENCE_MS = 8000;

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
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

function hashed(url) {
  return /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/.test(url.pathname);
}

// Whether an answer is worth keeping: a success of the kind asked for (a
// portal or a host that answers every address with a page must not replace
// the data).
function keepable(url, navigate, response) {
  if (!response.ok || response.type !== "basic") return false;
  const type = response.headers.get("content-type") || "";
  if (navigate) return type.includes("text/html");
  if (url.pathname.endsWith(".json")) return type.includes("json");
  return true;
}

async function tell(clientId) {
  const client = clientId ? await self.clients.get(clientId) : null;
  if (client) client.postMessage({ tienDoSavedCopy: true });
}

function patiently(request) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("too slow")), PATIENCE_MS);
    fetch(request).then(
      (r) => { clearTimeout(timer); resolve(r); },
      (e) => { clearTimeout(timer); reject(e); }
    );
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(SCOPE)) return;
  if (hashed(url)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(request);
        if (hit) return hit;
        const response = await fetch(request);
        if (keepable(url, false, response)) event.waitUntil(cache.put(request, response.clone()));
        return response;
      })
    );
    return;
  }
  // Pages are kept by their address without the query: every view of the
  // site is the same page.
  const navigate = request.mode === "navigate";
  const key = navigate ? url.origin + url.pathname : request;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      let response = null;
      try {
        response = await patiently(request);
      } catch (e) {
        response = null;
      }
      if (response && response.status < 500) {
        if (keepable(url, navigate, response)) event.waitUntil(cache.put(key, response.clone()));
        return response;
      }
      const hit = await cache.match(key, { ignoreSearch: navigate });
      if (!hit) return response || Response.error();
      // The page's own requests (its data): tell it it has the kept copy.
      if (event.clientId) event.waitUntil(tell(event.clientId));
      return hit;
    })()
  );
});
