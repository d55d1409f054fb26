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
  ready(function () { enhance(document); restore(); });

  // A checklist's "No" (none of these) and "Not sure" clear the ticks, and a tick clears them.
  document.addEventListener("change", function (event) {
    var input = event.target;
    var list = input && input.closest ? input.closest("fieldset.checklist") : null;
    if (!list || !input.checked) { return; }
    var selector = input.type === "checkbox" ? "input[type=radio]" : "input[type=checkbox]";
    list.querySelectorAll(selector).forEach(function (other) { other.checked = false; });
  });

  // Each question step gets its own address (/assess?step=N) so Back, Forward and reload keep the
  // answers. The step's form state (the same hidden fields the server sends) is kept in this tab's
  // sessionStorage only, and the step is drawn again by posting it back.
  var restoring = false;
  function wizardState() {
    var form = document.getElementById("wizard");
    if (!form) { return null; }
    var state = {};
    form.querySelectorAll("input[type=hidden]").forEach(function (input) {
      if (input.name !== "put" && input.name !== "checklist") { state[input.name] = input.value; }
    });
    return state;
  }
  function remember() {
    var state = wizardState();
    if (!state || !window.sessionStorage) { return; }
    var step = restoring ? currentStep() : currentStep() + 1;
    sessionStorage.setItem("backcare-step-" + step, JSON.stringify(state));
    if (!restoring) { history.pushState({ backcareStep: step }, "", "/assess?step=" + step); }
    restoring = false;
  }
  function currentStep() {
    var match = /[?&]step=(\d+)/.exec(window.location.search);
    return match ? parseInt(match[1], 10) : 0;
  }
  function restore(again) {
    var step = currentStep();
    if (!step || (!again && document.getElementById("wizard")) || !window.sessionStorage || !window.htmx) { return; }
    var saved = sessionStorage.getItem("backcare-step-" + step);
    if (!saved) { return; }
    var values = JSON.parse(saved);
    values.action = "show";
    restoring = true;
    window.htmx.ajax("POST", "/assess", { target: "#main", select: "#main", swap: "outerHTML", values: values });
  }
  window.addEventListener("popstate", function (event) {
    if (window.location.pathname !== "/assess") { return; }
    if (currentStep()) { restore(true); } else if (!event.state && document.getElementById("wizard")) { window.location.reload(); }
  });
  // A form the server refuses (4xx) comes back as a page with the message beside the field: show it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400 && status < 500) { event.detail.shouldSwap = true; event.detail.isError = false; }
  });
  // After htmx swaps the main part, keep the person's place: focus and scroll to the error or the first
  // new question, not back to the top of the page.
  document.addEventListener("htmx:afterSwap", function (event) {
    var main = document.getElementById("main");
    if (!main) { return; }
    enhance(main);
    remember();
    var target = null;
    [".error-summary", "[role=alert]", "#questions-title", "h1", "h2"].some(function (selector) {
      target = main.querySelector(selector);
      return target !== null;
    });
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    }
  });
})();
