// Small progressive enhancements; every page works without them.
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
