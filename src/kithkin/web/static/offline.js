// Installable and offline (issue 14): registers the service worker (/sw.js), and keeps the quick
// log and the check-in when the phone is offline (or the server cannot be reached): each is
// stored in IndexedDB with an id made here (crypto.randomUUID) and sent to the JSON API when
// the connection returns (the "online" event, and every page load). The server treats a
// repeated id as the same write, so a queue sent twice never counts anything twice.
// Each write carries the phone's clock: when it was queued (queued_at) and when it is sent
// (sent_at), so the server corrects a phone clock that is off (a log is never refused as "in
// the future") and does not let an older queued check-in overwrite a newer one.
// At logout (a form posting to /logout) the worker is asked to forget this account's pages
// and queue: on a shared phone they are someone's personal data.
// The words shown come from the page (#offline-status data-*), never from this file.
// The first part (the queue) also runs in the service worker (importScripts), which keeps a
// form post that could not reach the server; the second part is the page's.
(function (global) {
  "use strict";
  var DB = "kithkin-offline";
  var STORE = "queue";
  var ENDPOINT = { log: "/api/interactions", checkin: "/api/checkins" };

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "client_id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function put(item) { return run("readwrite", function (store) { store.put(item); }); }
  function clear() { return run("readwrite", function (store) { store.clear(); }); }
  function remove(id) { return run("readwrite", function (store) { store.delete(id); }); }
  function all() { return run("readonly", function (store) { return store.getAll(); }); }

  function newId() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function values(data, name) {
    return data.getAll(name).map(function (v) { return String(v).trim(); }).filter(Boolean);
  }
  function one(data, name) { return values(data, name)[0] || ""; }
  function number(value) { return value === "" ? undefined : Number(value); }
  function optional(body, data, names) {
    names.forEach(function (name) {
      var value = number(one(data, name));
      if (value !== undefined) body[name] = value;
    });
  }

  // The form's fields (FormData), as the JSON API's body (kithkin.web.schemas): what the
  // person meant at the moment they pressed the button, not the moment it syncs. The moment
  // (and the check-in's day) is the server's to say, from queued_at and sent_at; a time the
  // person typed is read on the day it was queued.
  var BODY = {
    log: function (data) {
      var people = [];
      values(data, "with").forEach(function (v) {
        v.split(",").forEach(function (name) { if (name.trim()) people.push(name.trim()); });
      });
      var body = { kind: one(data, "kind") || "other", people: people };
      if (one(data, "when")) body.when = one(data, "when");
      optional(body, data, ["minutes", "quality", "mood_before", "mood_after"]);
      if (one(data, "with_other")) body.with_other = one(data, "with_other");
      if (one(data, "note")) body.note = one(data, "note");
      if (values(data, "not_meaningful").length) body.meaningful = false;
      if (values(data, "confirm_old").length) body.confirm_old = true;
      return body;
    },
    checkin: function (data) {
      var body = { mood: number(one(data, "mood")), stress: number(one(data, "stress")) };
      optional(body, data, ["energy", "sleep_hours"]);
      if (one(data, "note")) body.note = one(data, "note");
      return body;
    }
  };

  // Keep one write; false when it is not complete enough to send (a check-in needs both).
  function keep(kind, data, at) {
    if (!BODY[kind]) return Promise.resolve(false);
    var body = BODY[kind](data);
    if (kind === "checkin" && (!body.mood || !body.stress)) return Promise.resolve(false);
    body.client_id = newId();
    // the form's CSRF token goes with it: hosted mode asks it of a cookie-authenticated write
    var csrf = one(data, "csrf_token");
    return put({ client_id: body.client_id, kind: kind, body: body, csrf: csrf, queued_at: at.getTime() })
      .then(function () { return true; });
  }

  // The page's own CSRF token (a page sends with this browser's current one); the worker uses
  // the one kept with the write.
  function pageToken() {
    var body = global.document && global.document.body;
    if (!body || !body.getAttribute("hx-headers")) return "";
    try { return JSON.parse(body.getAttribute("hx-headers"))["X-CSRF-Token"] || ""; } catch (e) { return ""; }
  }

  // The body as queued, with the phone's clock then and now (an item queued by an earlier
  // version carries its moment in "when" instead: the server corrects that one too).
  function send(item) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var token = pageToken() || item.csrf;
    if (token) headers["X-CSRF-Token"] = token;
    var body = Object.assign({}, item.body, {
      queued_at: new Date(item.queued_at).toISOString(),
      sent_at: new Date().toISOString()
    });
    return fetch(ENDPOINT[item.kind], {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: JSON.stringify(body)
    });
  }

  // Send what waits, oldest first; stop at the first network failure (try again later). One
  // sender at a time across tabs and the worker (Web Locks, where the browser has them).
  var syncing = null;
  function sync() {
    if (syncing) return syncing;
    var locks = global.navigator && global.navigator.locks;
    syncing = (locks ? locks.request("kithkin-offline-sync", sendAll) : sendAll())
      .finally(function () { syncing = null; });
    return syncing;
  }

  function sendAll() {
    var sent = 0;
    var refused = 0;
    return all().then(function (items) {
      items.sort(function (a, b) { return a.queued_at - b.queued_at; });
      return items.reduce(function (chain, item) {
        return chain.then(function (stop) {
          if (stop) return true;
          return send(item).then(function (response) {
            if (response.ok) { sent += 1; return remove(item.client_id).then(function () { return false; }); }
            // 401/403: logged out (hosted mode) or a stale CSRF token: keep it for after login
            if (response.status === 401 || response.status === 403) return true;
            if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
              refused += 1;  // it can never be accepted as it is: say so rather than retry for ever
              return remove(item.client_id).then(function () { return false; });
            }
            return true;
          }, function () { return true; });
        });
      }, Promise.resolve(false));
    }).then(all).then(function (left) {
      return { sent: sent, refused: refused, waiting: left.length };
    });
  }

  global.kithkinQueue = { keep: keep, sync: sync, pending: all, put: put, clear: clear };
})(self);

(function () {
  "use strict";
  if (typeof document === "undefined") return;  // in the service worker: the queue only
  var queue = self.kithkinQueue;

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* the site works without it */ });
    });
  }

  function say(key) {
    var box = document.getElementById("offline-status");
    if (!box || !box.dataset[key]) return;
    box.textContent = box.dataset[key];
    box.dataset.state = key;
    box.hidden = false;
    clearTimeout(box.hideLater);  // a toast: out of the thumb's way after a while
    box.hideLater = setTimeout(function () { box.hidden = true; }, 8000);
  }

  function keepForm(form) {
    return queue.keep(form.dataset.offline, new FormData(form), new Date()).then(function (kept) {
      if (!kept) return;
      form.reset();
      delete form.dataset.sending;  // app.js's auto-send may send the next one
      say("queued");
    });
  }

  function sync() {
    if (navigator.onLine === false) return Promise.resolve({ sent: 0, refused: 0 });
    return queue.sync().then(function (result) {
      if (result.refused) say("refused");
      else if (result.waiting) say("queued");
      else if (result.sent) say("synced");
      return result;
    });
  }

  // Before htmx and the browser see the submit: offline, keep it here.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.offline || navigator.onLine !== false) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    keepForm(form);
  }, true);

  // Online by the phone's account, but the server did not answer (htmx's check-in). Only the
  // form's own post: a failed look-up inside it (the people search) is not a save.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail && event.detail.elt;
    if (form && form.matches && form.matches("form[data-offline]")) keepForm(form);
  });

  // Logging out (hosted mode): ask the worker to forget the kept pages and the queue. Not
  // prevented: the logout goes on, and the worker finishes even as this page goes away.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[action^="/logout"]')) return;
    if (!("serviceWorker" in navigator)) return;
    var worker = navigator.serviceWorker.controller;
    if (worker) { worker.postMessage({ type: "clear" }); return; }
    navigator.serviceWorker.getRegistration().then(function (registration) {
      if (registration && registration.active) registration.active.postMessage({ type: "clear" });
    });
  }, true);

  window.addEventListener("online", function () { sync(); });
  document.addEventListener("DOMContentLoaded", function () {
    queue.pending().then(function (items) {
      if (!items.length) return;
      if (navigator.onLine === false) say("queued"); else sync();
    }).catch(function () { /* no IndexedDB (a private window): nothing waits */ });
  });

  // For tests and curious people: what waits, and a way to send it now.
  window.kithkinOffline = { sync: sync, pending: queue.pending, put: queue.put };
})();
