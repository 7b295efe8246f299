// kithkin's service worker (served at /sw.js, scope "/"; see kithkin.web.pwa.pages).
// Static files: cache first (the cache is versioned, so a release brings new ones).
// Pages: network first; a copy of each page seen is kept for when the phone is offline, and a
// page never seen falls back to /offline. Writes go to the network; a log or check-in form
// post that cannot reach the server is kept in the offline queue (static/offline.js, shared
// with the page) and answered with Today, which says it waits on this phone.
// A message {type: "clear"} (sent by the page when a logout form is submitted) removes every
// page kept and empties the offline queue: on a shared phone they are personal data. The
// static files (the same for everyone) stay.
"use strict";
importScripts("/static/offline.js");
var VERSION = "__VERSION__";
var SHELL = ["__SHELL__"];
var CACHE = "kithkin-" + VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("kithkin-") === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

// Forget what belongs to the person: every kept page (all but the static files and the
// manifest, the same for everyone) and the offline queue. The offline page is fetched again
// without cookies, so the copy kept is nobody's.
function personal(request) {
  var path = new URL(request.url).pathname;
  return path.indexOf("/static/") !== 0 && path !== "/manifest.webmanifest";
}

function clearPersonal() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("kithkin-") === 0; })
      .map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(personal).map(function (request) {
              return cache.delete(request);
            }));
          });
        });
      }));
  }).then(function () {
    return self.kithkinQueue.clear();
  }).then(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.add(new Request("/offline", { credentials: "omit" }))
        .catch(function () { /* not now: the next release's install keeps it again */ });
    });
  });
}

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "clear") {
    event.waitUntil(clearPersonal());
  }
});

function keep(request, response) {
  // Only plain, complete, same-origin answers; a page with a ?query (a flash message) is not
  // kept, nor is a redirect (the welcome page for a new user).
  var url = new URL(request.url);
  if (!response.ok || response.redirected || response.type !== "basic" || url.search) return;
  var copy = response.clone();
  caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
}

var QUEUED = { "/log": "log", "/checkin": "checkin" };

function keepPost(event, kind) {
  var copy = event.request.clone();
  event.respondWith(fetch(event.request).catch(function () {
    return copy.formData().then(function (data) {
      return self.kithkinQueue.keep(kind, data, new Date());
    }).then(function (kept) {
      if (!kept) return caches.match("/offline");
      return Response.redirect(new URL("/?offline=queued", self.location.origin).href, 303);
    });
  }));
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && request.mode === "navigate" && QUEUED[url.pathname]) {
    keepPost(event, QUEUED[url.pathname]);
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.indexOf("/api/") === 0 || url.pathname === "/sw.js") return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request);
    }));
    return;
  }
  if (request.mode !== "navigate") return;  // htmx fragments and the rest: the network
  event.respondWith(
    fetch(request).then(function (response) {
      keep(request, response);
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) {
        return hit || caches.match("/offline");
      });
    })
  );
});
