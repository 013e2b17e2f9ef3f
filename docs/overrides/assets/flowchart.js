/* Comfort for the flowchart drawn at build time (build_tools/flowchart.py). The SVG and its
   links work without this script; it adds:
   - pointing at or focusing a box lights up every way from the start to it;
   - a link to #fc-<id> lights up that box's ways and scrolls it into view
     (CSS :target marks the box even without JavaScript);
   - zoom buttons above the chart.
   The SVG tells the script what it needs: boxes are `a.fc-node[data-id]`, edges are
   `g.fc-edge[data-from][data-to]`. Runs on page load, and again on each page change when
   Material's instant navigation is on (document$). */
(function () {
  "use strict";

  var ZOOM_STEP = 1.25;
  var ZOOM_MIN = 0.25;
  var ZOOM_MAX = 2;

  /* Every box and edge on a way from a root to `id`: follow the edges backwards. */
  function waysTo(id, boxes, edgesTo) {
    var found = [];
    var seen = {};
    var todo = [id];
    while (todo.length) {
      var here = todo.pop();
      if (seen[here]) { continue; }
      seen[here] = true;
      if (boxes[here]) { found.push(boxes[here]); }
      (edgesTo[here] || []).forEach(function (edge) {
        found.push(edge);
        todo.push(edge.getAttribute("data-from"));
      });
    }
    return found;
  }

  function index(svg) {
    var boxes = {};
    var edgesTo = {};
    svg.querySelectorAll(".fc-node[data-id]").forEach(function (box) {
      boxes[box.getAttribute("data-id")] = box;
    });
    svg.querySelectorAll(".fc-edge[data-to]").forEach(function (edge) {
      var to = edge.getAttribute("data-to");
      (edgesTo[to] = edgesTo[to] || []).push(edge);
    });
    return { boxes: boxes, edgesTo: edgesTo };
  }

  function hashTarget() {
    var hash;
    try {
      hash = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {  // a mistyped link with a stray %: no box to show
      return "";
    }
    return hash.indexOf("fc-") === 0 ? hash.slice(3) : "";
  }

  /* Centre a box in the chart's scrolling container and in the window. On a fresh page this
     waits for the load event: the browser's own jump to the #fragment comes before it and
     would put the box under Material's header. */
  function centre(box) {
    function scroll() { box.scrollIntoView({ block: "center", inline: "center" }); }
    if (document.readyState === "complete") {
      scroll();
    } else {
      window.addEventListener("load", scroll, { once: true });
    }
  }

  function setUpChart(svg) {
    if (svg.hasAttribute("data-fc-ready")) { return; }
    svg.setAttribute("data-fc-ready", "");
    var chart = index(svg);
    var pinned = "";  // the box the URL points at: shown again when the pointer leaves

    function show(id) {
      svg.querySelectorAll(".fc-on-path, .fc-current").forEach(function (element) {
        element.classList.remove("fc-on-path", "fc-current");
      });
      var box = chart.boxes[id];
      svg.classList.toggle("fc--tracing", Boolean(box));
      if (!box) { return; }
      waysTo(id, chart.boxes, chart.edgesTo).forEach(function (element) {
        element.classList.add("fc-on-path");
      });
      box.classList.add("fc-current");
    }

    Object.keys(chart.boxes).forEach(function (id) {
      var box = chart.boxes[id];
      box.addEventListener("mouseenter", function () { show(id); });
      box.addEventListener("focus", function () { show(id); });
      box.addEventListener("mouseleave", function () { show(pinned); });
      box.addEventListener("blur", function () { show(pinned); });
    });

    svg.fcFollowHash = function () {
      var id = hashTarget();
      pinned = chart.boxes[id] ? id : "";
      show(pinned);
      if (pinned) { centre(chart.boxes[pinned]); }
    };
    svg.fcFollowHash();
    addZoom(svg);
  }

  /* Zoom changes the drawn size, not the layout: the page keeps scrolling it. Button labels
     come from the SVG's data-zoom-in / -out / -reset attributes when the page provides them. */
  function addZoom(svg) {
    var box = svg.viewBox.baseVal;
    if (!box || !box.width) { return; }
    var scale = 1;
    var bar = document.createElement("div");
    bar.className = "fc-zoom";

    function apply() {
      svg.setAttribute("width", String(Math.round(box.width * scale)));
      svg.setAttribute("height", String(Math.round(box.height * scale)));
    }

    function button(text, label, change) {
      var element = document.createElement("button");
      element.type = "button";
      element.textContent = text;
      element.setAttribute("aria-label", label);
      element.title = label;
      element.addEventListener("click", function () {
        scale = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, change(scale)));
        apply();
      });
      bar.appendChild(element);
    }

    button("−", svg.getAttribute("data-zoom-out") || "−", function (s) { return s / ZOOM_STEP; });
    button("+", svg.getAttribute("data-zoom-in") || "+", function (s) { return s * ZOOM_STEP; });
    button("1:1", svg.getAttribute("data-zoom-reset") || "1:1", function () { return 1; });
    var holder = svg.closest(".fc-scroll") || svg;
    holder.parentNode.insertBefore(bar, holder);
  }

  function setUp() {
    document.querySelectorAll("svg.fc").forEach(setUpChart);
  }

  window.addEventListener("hashchange", function () {
    document.querySelectorAll("svg.fc[data-fc-ready]").forEach(function (svg) {
      if (svg.fcFollowHash) { svg.fcFollowHash(); }
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  }
})();
