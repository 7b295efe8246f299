// Small progressive enhancements; every page works without them.
document.documentElement.classList.add("js");
(function () {
  "use strict";
  function bind(root) {
    root.querySelectorAll("input[type=range][data-output]").forEach(function (input) {
      var out = document.getElementById(input.dataset.output);
      if (!out || input.dataset.bound) return;
      input.dataset.bound = "1";
      input.addEventListener("input", function () { out.textContent = input.value; });
    });
    root.querySelectorAll("input[data-detect-tz]").forEach(function (input) {
      if (input.value) return;
      try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { /* keep empty */ }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("htmx:afterSwap", function (event) { bind(event.target); });
})();
// The "More" menu of the main navigation: a plain <details> on phones (closed by a click
// elsewhere or Escape); laid out inline, always open, on wide screens.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");
  function menus() { return document.querySelectorAll(".top .nav-more details"); }
  function layout() {
    menus().forEach(function (d) {
      if (wide.matches) { d.open = true; d.dataset.inline = "1"; }
      else if (d.dataset.inline) { d.open = false; delete d.dataset.inline; }
    });
  }
  document.addEventListener("DOMContentLoaded", layout);
  if (wide.addEventListener) wide.addEventListener("change", layout);
  document.addEventListener("click", function (event) {
    menus().forEach(function (d) {
      if (d.open && !d.dataset.inline && !d.contains(event.target)) d.open = false;
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    menus().forEach(function (d) {
      if (d.open && !d.dataset.inline) { d.open = false; d.querySelector("summary").focus(); }
    });
  });
})();
// Phone comforts (issue 14): the error summary takes focus; a check-in sends itself once mood
// and stress are both chosen; a name chosen in the search becomes a ticked chip.
(function () {
  "use strict";
  function focusSummary(root) {
    var summary = (root || document).querySelector("#error-summary");
    if (summary) summary.focus();
  }
  function autosend(form) {
    if (!form.dataset.autosend || form.dataset.sending) return;
    var names = form.dataset.autosend.split(" ");
    var more = form.querySelector("details.more");
    if (more && more.open) return;
    var all = names.every(function (n) { return form.querySelector("input[name=" + n + "]:checked"); });
    if (!all) return;
    form.dataset.sending = "1";
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }
  function chipFromSearch(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var row = document.getElementById("people-chips");
    if (!list || !row) return;
    var value = input.value.trim();
    var known = Array.prototype.some.call(list.options, function (o) { return o.value === value; });
    if (!known) return;
    var id = "w-name-" + value.replace(/[^A-Za-z0-9]+/g, "-");
    if (!document.getElementById(id)) {
      var box = document.createElement("input");
      box.type = "checkbox"; box.className = "chip-input"; box.name = "with"; box.value = value; box.id = id;
      var label = document.createElement("label");
      label.className = "chip person-chip"; label.htmlFor = id; label.textContent = value;
      row.appendChild(box); row.appendChild(label);
    }
    document.getElementById(id).checked = true;
    input.value = "";
  }
  document.addEventListener("DOMContentLoaded", function () { focusSummary(document); });
  document.addEventListener("change", function (event) {
    var t = event.target;
    if (t.matches && t.matches("input[type=radio]") && t.form) autosend(t.form);
  });
  // On "input", not "change": a chip added while the Log button is being tapped would move it.
  document.addEventListener("input", function (event) {
    var t = event.target;
    if (t.matches && t.matches("#quick-log input[list]")) chipFromSearch(t);
  });
})();
// "More ideas" on Today: open on wide screens, one tap away on phones.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");
  function layout() {
    document.querySelectorAll("details[data-wide-open]").forEach(function (d) {
      if (wide.matches) d.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", layout);
  if (wide.addEventListener) wide.addEventListener("change", layout);
})();
