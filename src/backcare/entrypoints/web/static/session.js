// Exercise session timers: hold, repetition and rest, with pause and resume. The form works without it.
(function () {
  "use strict";
  var REP_SECONDS = 3;      // pace of a repetition that has no hold
  var DEFAULT_REST = 30;    // rest between sets when the plan gives none

  function Card(el, onFinish) {
    this.el = el;
    this.sets = Math.max(1, parseInt(el.dataset.sets, 10) || 1);
    this.reps = Math.max(1, parseInt(el.dataset.reps, 10) || 1);
    this.hold = Math.max(0, parseInt(el.dataset.hold, 10) || 0);
    this.rest = Math.max(0, parseInt(el.dataset.rest, 10) || 0) || (this.sets > 1 ? DEFAULT_REST : 0);
    this.perSide = el.dataset.perSide === "true";
    this.sides = this.perSide ? 2 : 1;
    this.onFinish = onFinish;
    this.set = 1; this.rep = 0; this.side = 1; this.done = 0;
    this.phase = "ready"; this.remaining = 0; this.paused = false; this.last = 0; this.timer = null;
    this.ui = {
      box: el.querySelector(".timer"), phase: el.querySelector("[data-phase]"), clock: el.querySelector("[data-clock]"),
      count: el.querySelector("[data-count]"), start: el.querySelector("[data-start]"), pause: el.querySelector("[data-pause]"),
      next: el.querySelector("[data-next]"), skip: el.querySelector("[data-skip-rest]"), input: el.querySelector("[data-reps-input]")
    };
    this.ui.box.hidden = false;
    var self = this;
    this.ui.start.addEventListener("click", function () { self.start(); });
    this.ui.pause.addEventListener("click", function () { self.togglePause(); });
    this.ui.next.addEventListener("click", function () { self.finishRep(); });
    this.ui.skip.addEventListener("click", function () { if (self.phase === "rest") { self.startRep(); } });
  }
  Card.prototype.repLength = function () { return this.hold > 0 ? this.hold : REP_SECONDS; };
  Card.prototype.start = function () {
    if (this.phase !== "ready" && this.phase !== "finished") { return; }
    this.set = 1; this.rep = 0; this.side = 1; this.done = 0;
    this.el.classList.add("current"); this.el.classList.remove("finished");
    this.ui.start.disabled = true; this.ui.pause.disabled = false; this.ui.next.disabled = false;
    this.startRep();
    var self = this;
    this.last = Date.now();
    this.timer = window.setInterval(function () { self.tick(); }, 200);
  };
  Card.prototype.startRep = function () {
    this.phase = "hold"; this.remaining = this.repLength();
    this.ui.skip.disabled = true; this.ui.next.disabled = false;
    this.render(this.hold > 0 ? "Hold" : "Repetition");
  };
  Card.prototype.tick = function () {
    var now = Date.now(); var elapsed = (now - this.last) / 1000; this.last = now;
    if (this.paused || this.phase === "finished" || this.phase === "ready") { return; }
    this.remaining -= elapsed;
    if (this.remaining <= 0) {
      if (this.phase === "hold") { this.finishRep(); } else if (this.phase === "rest") { this.startRep(); }
    } else { this.renderClock(); }
  };
  Card.prototype.finishRep = function () {
    if (this.phase !== "hold") { return; }
    if (this.side < this.sides) { this.side += 1; this.startRep(); return; }
    this.side = 1; this.rep += 1; this.done += 1;
    this.ui.input.value = String(this.done);
    if (this.rep >= this.reps) {
      if (this.set >= this.sets) { this.finish(); return; }
      this.set += 1; this.rep = 0;
      this.phase = "rest"; this.remaining = this.rest;
      this.ui.skip.disabled = false; this.ui.next.disabled = true;
      if (this.rest <= 0) { this.startRep(); return; }
      this.render("Rest");
      return;
    }
    this.startRep();
  };
  Card.prototype.togglePause = function () {
    if (this.phase === "finished" || this.phase === "ready") { return; }
    this.paused = !this.paused;
    this.ui.pause.textContent = this.paused ? "Resume" : "Pause";
    this.ui.pause.setAttribute("aria-pressed", this.paused ? "true" : "false");
    this.render(this.paused ? "Paused" : (this.phase === "rest" ? "Rest" : (this.hold > 0 ? "Hold" : "Repetition")));
  };
  Card.prototype.finish = function () {
    this.phase = "finished"; window.clearInterval(this.timer); this.timer = null;
    this.ui.pause.disabled = true; this.ui.next.disabled = true; this.ui.skip.disabled = true; this.ui.start.disabled = false;
    this.ui.start.textContent = "Again";
    this.el.classList.remove("current"); this.el.classList.add("finished");
    this.render("Done: " + this.done + " repetitions");
    this.ui.clock.textContent = "✓";
    if (this.onFinish) { this.onFinish(this); }
  };
  Card.prototype.renderClock = function () { this.ui.clock.textContent = String(Math.max(0, Math.ceil(this.remaining))); };
  Card.prototype.render = function (label) {
    var side = this.perSide ? (this.side === 1 ? " · first side" : " · second side") : "";
    this.ui.phase.textContent = label + side;
    this.ui.count.textContent = "Set " + this.set + " of " + this.sets + " · repetition " + Math.min(this.rep + (this.phase === "hold" ? 1 : 0), this.reps) + " of " + this.reps + (this.perSide ? " (each side)" : "");
    this.renderClock();
  };

  function init() {
    var cards = [];
    var elements = document.querySelectorAll(".exercise-card[data-exercise]");
    elements.forEach(function (el, index) {
      cards.push(new Card(el, function () {
        var next = elements[index + 1];
        if (next) {
          var heading = next.querySelector("h2");
          heading.setAttribute("tabindex", "-1");
          heading.focus();
          next.scrollIntoView({ block: "start" });
        } else {
          var pain = document.querySelector("input[name=pain]");
          if (pain) { pain.focus(); }
        }
      }));
    });
  }
  if (document.readyState !== "loading") { init(); } else { document.addEventListener("DOMContentLoaded", init); }
})();
