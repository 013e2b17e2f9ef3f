/* Comfort on top of pages that work without JavaScript:
   - copy buttons (reply text, link) with visible confirmation;
   - the "your answers" trail shows the path the reader actually took.
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

  function setUpCopyButtons(root) {
    root.querySelectorAll("[data-copy-text]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var status = button.parentNode.querySelector(".reply-box__status");
        copyText(button.getAttribute("data-copy-text")).then(function () {
          status.textContent = button.getAttribute("data-copied");
        }, function () {
          status.textContent = button.getAttribute("data-failed");
        });
      });
    });
  }

  /* The trail: a list of node ids the reader went through, kept for this tab only. */
  function readTrail() {
    try {
      return JSON.parse(sessionStorage.getItem(TRAIL_KEY) || "[]");
    } catch (error) {
      return [];
    }
  }

  function rememberAnswers(root, here) {
    root.querySelectorAll(".choices a").forEach(function (link) {
      link.addEventListener("click", function () {
        var trail = readTrail();
        var at = trail.indexOf(here);
        trail = at >= 0 ? trail.slice(0, at + 1) : [here];
        var next = link.getAttribute("data-node") || "";
        if (next) { trail.push(next); }
        try { sessionStorage.setItem(TRAIL_KEY, JSON.stringify(trail)); } catch (error) { /* private mode */ }
      });
    });
  }

  function showActualTrail(root) {
    var paths = root.querySelectorAll(".trail__path");
    if (paths.length < 2) { return; }
    // After Back, the stored trail may run past this page: compare it up to here.
    var here = paths[0].getAttribute("data-path").split(" ").pop();
    var trail = readTrail();
    var at = trail.indexOf(here);
    var taken = (at >= 0 ? trail.slice(0, at + 1) : trail).join(" ");
    var match = Array.prototype.filter.call(paths, function (path) {
      return path.getAttribute("data-path") === taken;
    })[0];
    if (!match) { return; }
    paths.forEach(function (path) {
      if (path !== match) { path.setAttribute("data-inactive", ""); }
    });
    var more = root.querySelector(".trail__more");
    if (more) { more.hidden = true; }
  }

  function setUp() {
    var root = document;
    var choices = root.querySelector(".choices[data-node-id]");
    var here = choices ? choices.getAttribute("data-node-id") : "";
    setUpCopyButtons(root);
    showActualTrail(root);
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
