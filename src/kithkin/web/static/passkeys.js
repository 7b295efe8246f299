// Passkeys (hosted mode, #16): "Log in with a passkey" on the login page, "Add a passkey" on
// Settings > Account. Progressive enhancement: both are hidden in the page (the `hidden`
// attribute) and shown here only when the browser can use passkeys; the password form works
// without this file. Each ceremony is two JSON calls: the options (with the server's one-time
// challenge), then the browser's answer. The page's CSRF token goes in X-CSRF-Token; the words
// shown come from the page (data-* attributes), never from this file.
(function () {
  "use strict";

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
  }

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var raw = atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < bytes.length; i++) raw += String.fromCharCode(bytes[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(json) {
    json.challenge = toBytes(json.challenge);
    json.user.id = toBytes(json.user.id);
    (json.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return json;
  }

  function requestOptions(json) {
    json.challenge = toBytes(json.challenge);
    (json.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return json;
  }

  function asJson(credential) {
    var r = credential.response;
    var out = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toText(r.clientDataJSON) }
    };
    if (credential.authenticatorAttachment) out.authenticatorAttachment = credential.authenticatorAttachment;
    if (r.attestationObject) {
      out.response.attestationObject = toText(r.attestationObject);
      if (r.getTransports) out.response.transports = r.getTransports();
    } else {
      out.response.authenticatorData = toText(r.authenticatorData);
      out.response.signature = toText(r.signature);
      if (r.userHandle) out.response.userHandle = toText(r.userHandle);
    }
    return out;
  }

  // POST a JSON body; resolves to the answer's JSON, or rejects with the server's sentence.
  function post(box, url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": box.dataset.csrf
      },
      body: JSON.stringify(body)
    }).then(function (answer) {
      return answer.json().catch(function () { return {}; }).then(function (data) {
        if (answer.ok) return data;
        var refused = new Error((data && data.error && data.error.message) || box.dataset.failed);
        refused.fromServer = true;  // a sentence of kithkin's own, fit to show
        throw refused;
      });
    });
  }

  function say(box, message) {
    var out = box.querySelector(".passkey-message");
    out.textContent = message;
    out.hidden = !message;
  }

  // The browser's own refusals (cancelled, timed out, no passkey here) are DOMExceptions; a
  // lost connection is a TypeError: the page's words for those, the server's for its own.
  function problem(box, error) {
    if (error && error.fromServer) return error.message;
    if (error && error.name === "NotAllowedError") return box.dataset.cancelled;
    if (error && error.name === "InvalidStateError") return box.dataset.exists || box.dataset.failed;
    return box.dataset.failed;
  }

  function busy(button, on) {
    button.disabled = on;
    button.setAttribute("aria-busy", on ? "true" : "false");
  }

  function logIn(box) {
    var button = box.querySelector("button");
    button.addEventListener("click", function () {
      busy(button, true);
      say(box, "");
      post(box, "/login/passkey/options", {})
        .then(function (options) {
          return navigator.credentials.get({ publicKey: requestOptions(options) });
        })
        .then(function (credential) {
          return post(box, "/login/passkey", { credential: asJson(credential), next: box.dataset.next || "/" });
        })
        .then(function (done) { window.location.assign(done.next || "/"); })
        .catch(function (error) { busy(button, false); say(box, problem(box, error)); });
    });
  }

  function add(form) {
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      busy(button, true);
      say(form, "");
      var name = form.querySelector("input[name=name]").value;
      post(form, "/settings/account/passkeys/options", {})
        .then(function (options) {
          return navigator.credentials.create({ publicKey: creationOptions(options) });
        })
        .then(function (credential) {
          return post(form, "/settings/account/passkeys", { credential: asJson(credential), name: name });
        })
        .then(function (done) { window.location.assign(done.next); })
        .catch(function (error) { busy(button, false); say(form, problem(form, error)); });
    });
  }

  function start() {
    if (!supported()) return;
    var login = document.getElementById("passkey-login");
    if (login) { login.hidden = false; logIn(login); }
    var form = document.getElementById("passkey-add");
    if (form) {
      form.hidden = false;
      var missing = document.getElementById("passkey-missing");
      if (missing) missing.hidden = true;
      add(form);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
