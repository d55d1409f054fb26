// backcare: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  function enhance(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    root.querySelectorAll("[data-local-timezone]").forEach(function (input) {
      try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && (!input.value || input.value === "UTC")) { input.value = zone; }
      } catch (e) { /* keep the typed value */ }
    });
  }
  ready(function () { enhance(document); });
  // After htmx swaps the main part, move focus to its heading (or the error) for screen readers.
  document.addEventListener("htmx:afterSwap", function (event) {
    var main = document.getElementById("main");
    if (!main) { return; }
    enhance(main);
    var target = main.querySelector(".error-summary, [role=alert], h1, h2");
    if (target) { if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); } target.focus(); }
    window.scrollTo(0, 0);
  });
})();
