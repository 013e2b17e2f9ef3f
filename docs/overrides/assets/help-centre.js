/* Comfort on top of pages that work without JavaScript:
   - copy buttons (reply text, link), each with its own confirmation;
   - the answers the reader gave ("your answers") instead of when the page applies.
   Runs on every page load, and again on each page change if instant navigation is on. */
(function () {
  "use strict";

  var TRAIL_KEY = "help-centre-trail";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  /* Each button confirms itself, in the status right after it: after pressing both, the
     agent still sees which one was copied. */
  function setUpCopyButtons(root) {
    root.querySelectorAll("[data-copy-text]").forEach(function (button) {
      var status = button.nextElementSibling;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(button.getAttribute("data-copy-text")).then(function () {
          status.textContent = button.getAttribute("data-copied");
        }, function () {
          status.textContent = button.getAttribute("data-failed");
        });
      });
    });
  }

  /* The trail: the node ids the reader went through, for this tab only. Ids are the same in
     every language, so the trail survives the language switch. */
  function readTrail() {
    try {
      var trail = JSON.parse(sessionStorage.getItem(TRAIL_KEY) || "[]");
      var ids = Array.isArray(trail) && trail.every(function (id) { return /^[a-z0-9-]+$/.test(id); });
      return ids ? trail : [];  // node ids only: they go into a selector
    } catch (error) {
      return [];
    }
  }

  function writeTrail(trail) {
    try { sessionStorage.setItem(TRAIL_KEY, JSON.stringify(trail)); } catch (error) { /* private mode */ }
  }

  function rememberAnswers(root, here) {
    root.querySelectorAll(".choices a").forEach(function (link) {
      link.addEventListener("click", function () {
        var trail = readTrail();
        var at = trail.indexOf(here);
        trail = at >= 0 ? trail.slice(0, at + 1) : [here];
        var next = link.getAttribute("data-node") || "";
        if (next) { trail.push(next); }
        writeTrail(trail);
      });
    });
  }

  /* Swap "when this applies" for the answers this reader gave on the way here, if they came
     by tapping: each answer is picked from the page's template by its step ("question next").
     After Back the stored trail may run past this page: it counts up to here. */
  function showOwnTrail(root) {
    var box = root.querySelector(".trail[data-node-id]");
    var template = box && box.querySelector("template.trail__mine");
    if (!template) { return; }
    var trail = readTrail();
    var at = trail.indexOf(box.getAttribute("data-node-id"));
    if (at < 1) { return; }
    var mine = template.content.cloneNode(true);
    var list = mine.querySelector(".trail__answers");
    var given = [];
    for (var i = 0; i < at; i++) {
      var item = list.querySelector('[data-step="' + trail[i] + " " + trail[i + 1] + '"]');
      if (!item) { return; }  // a trail from elsewhere: keep "when this applies"
      given.push(item);
    }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    given.forEach(function (item) { list.appendChild(item); });
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(mine);
    box.classList.add("trail--mine");
    box.querySelector(".trail__restart").addEventListener("click", function () { writeTrail([]); });
  }

  function setUp() {
    var root = document;
    var choices = root.querySelector(".choices[data-node-id]");
    var here = choices ? choices.getAttribute("data-node-id") : "";
    setUpCopyButtons(root);
    showOwnTrail(root);
    if (here) {
      rememberAnswers(root, here);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
