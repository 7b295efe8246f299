// Installable and offline (issue 14): registers the service worker (/sw.js), and keeps the quick
// log and the check-in when the phone is offline (or the server cannot be reached): each is
// stored in IndexedDB with an id made here (crypto.randomUUID) and sent to the JSON API when
// the connection returns (the "online" event, and every page load). The server treats a
// repeated id as the same write, so a queue sent twice never counts anything twice.
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
  function remove(id) { return run("readwrite", function (store) { store.delete(id); }); }
  function all() { return run("readonly", function (store) { return store.getAll(); }); }

  function newId() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localDay(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

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
  // person meant at the moment they pressed the button, not the moment it syncs.
  var BODY = {
    log: function (data, at) {
      var people = [];
      values(data, "with").forEach(function (v) {
        v.split(",").forEach(function (name) { if (name.trim()) people.push(name.trim()); });
      });
      var body = { kind: one(data, "kind") || "other", people: people, when: one(data, "when") || at.toISOString() };
      optional(body, data, ["minutes", "quality", "mood_before", "mood_after"]);
      if (one(data, "with_other")) body.with_other = one(data, "with_other");
      if (one(data, "note")) body.note = one(data, "note");
      if (values(data, "not_meaningful").length) body.meaningful = false;
      if (values(data, "confirm_old").length) body.confirm_old = true;
      return body;
    },
    checkin: function (data, at) {
      var body = { mood: number(one(data, "mood")), stress: number(one(data, "stress")), date: localDay(at) };
      optional(body, data, ["energy", "sleep_hours"]);
      if (one(data, "note")) body.note = one(data, "note");
      return body;
    }
  };

  // Keep one write; false when it is not complete enough to send (a check-in needs both).
  function keep(kind, data, at) {
    if (!BODY[kind]) return Promise.resolve(false);
    var body = BODY[kind](data, at);
    if (kind === "checkin" && (!body.mood || !body.stress)) return Promise.resolve(false);
    body.client_id = newId();
    return put({ client_id: body.client_id, kind: kind, body: body, queued_at: Date.now() })
      .then(function () { return true; });
  }

  function send(item) {
    return fetch(ENDPOINT[item.kind], {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(item.body)
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

  global.kithkinQueue = { keep: keep, sync: sync, pending: all, put: put };
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
