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
