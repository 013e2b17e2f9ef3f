/* Comfort for the flowchart drawn at build time (build_tools/render/flowchart/). Without this
   script every box is a link to its page, a link to #fc-<id> scrolls to that box and CSS
   :target marks it. With it, in each .fc-charts container (a page's panels):
   - tapping, clicking or focusing a box lights every way from the top to it, with the answers
     along them, and shows a panel with its summary, the answers on the way, its tips and a link
     to its page; tapping the same box again opens the page;
   - arrow keys move from box to box (up and down in reading order, left to the question above,
     right to the first answer's box), Escape closes the panel;
   - a link to #fc-<id> selects that box and centres it;
   - the reader's own trail (help-centre.js keeps it) is drawn in bold;
   - zoom buttons scale the drawings; the browser's own pinch zoom is left alone.
   The markup says what the script needs: boxes are `a.fc-node[data-id]` with `data-summary`
   and `data-tips` on a node's own box (`#fc-<id>`); lines are `g.fc-edge[data-from][data-to]`
   with the answer's `.fc-label`; the container's data-* attributes hold the words. */
(function () {
  "use strict";

  /* help-centre.js keeps the trail: a JSON list of the node ids this reader went through,
     in order, in sessionStorage (this tab only). */
  var TRAIL_KEY = "help-centre-trail";
  var ZOOM_STEP = 1.25;
  var ZOOM_MIN = 0.5;
  var ZOOM_MAX = 2.5;

  function index(container) {
    var chart = { boxes: {}, edgesTo: {}, order: [] };
    container.querySelectorAll("svg.fc a.fc-node[data-id]").forEach(function (box) {
      var id = box.getAttribute("data-id");
      (chart.boxes[id] = chart.boxes[id] || []).push(box);
      chart.order.push(box);
    });
    container.querySelectorAll("svg.fc .fc-edge[data-to]").forEach(function (edge) {
      var to = edge.getAttribute("data-to");
      (chart.edgesTo[to] = chart.edgesTo[to] || []).push(edge);
    });
    return chart;
  }

  /* Every box and line on a way from a panel's top to `id`: follow the lines backwards. */
  function waysTo(id, chart) {
    var found = [];
    var seen = {};
    var todo = [id];
    while (todo.length) {
      var here = todo.pop();
      if (seen[here]) { continue; }
      seen[here] = true;
      found = found.concat(chart.boxes[here] || []);
      (chart.edgesTo[here] || []).forEach(function (edge) {
        found.push(edge);
        todo.push(edge.getAttribute("data-from"));
      });
    }
    return found;
  }

  /* The answers on the first way to `id` (the first line into each box is the one to its own
     box, or, for a status, the overview's), from the top down. */
  function firstWay(id, chart) {
    var labels = [];
    var seen = {};
    while (chart.edgesTo[id] && !seen[id]) {
      seen[id] = true;
      var edge = chart.edgesTo[id][0];
      labels.unshift(edge.querySelector(".fc-label").textContent);
      id = edge.getAttribute("data-from");
    }
    return labels;
  }

  function ownBox(id, chart) {
    return document.getElementById("fc-" + id) || chart.boxes[id][0];
  }

  function titleOf(box) {
    var joiner = (document.documentElement.lang || "").indexOf("zh") === 0 ? "" : " ";
    return Array.prototype.map.call(box.querySelectorAll(".fc-node__title tspan"), function (line) {
      return line.textContent;
    }).join(joiner);
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text) { made.textContent = text; }
    return made;
  }

  /* The panel under the drawings: sticks to the bottom of the window while they are in view. */
  function makePanel(container, close) {
    var panel = element("div", "fc-panel");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-live", "polite");
    panel.hidden = true;
    var shut = element("button", "fc-panel__close", "×");
    shut.type = "button";
    shut.setAttribute("aria-label", container.getAttribute("data-close") || "×");
    shut.addEventListener("click", close);
    panel.appendChild(shut);
    panel.body = panel.appendChild(element("div", "fc-panel__body"));
    container.appendChild(panel);
    return panel;
  }

  function fillPanel(panel, container, id, chart) {
    var own = ownBox(id, chart);
    var body = panel.body;
    body.textContent = "";
    body.appendChild(element("p", "fc-panel__title", titleOf(own)));
    var way = firstWay(id, chart);
    if (way.length) {
      body.appendChild(element("p", "fc-panel__way", (container.getAttribute("data-way") || "") +
                                                      way.join(" › ")));
    }
    if (own.getAttribute("data-summary")) {
      body.appendChild(element("p", "fc-panel__summary", own.getAttribute("data-summary")));
    }
    var tips = (own.getAttribute("data-tips") || "").split(" ").map(function (tip) {
      return document.getElementById("fc-" + tip);
    }).filter(Boolean);
    if (tips.length) {
      var list = body.appendChild(element("ul", "fc-panel__tips"));
      tips.forEach(function (tip) {
        var link = element("a", "", tip.textContent);
        link.href = tip.getAttribute("href");
        list.appendChild(element("li")).appendChild(link);
      });
    }
    var open = element("a", "fc-panel__open", container.getAttribute("data-open") || "→");
    open.href = own.getAttribute("href").charAt(0) === "#" ? chart.boxes[id][0].getAttribute("href")
                                                          : own.getAttribute("href");
    body.appendChild(open);
    panel.hidden = false;
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

  /* Centre a box in the window. On a fresh page this waits for the load event: the browser's
     own jump to the #fragment comes before it and would put the box under Material's header. */
  function centre(box) {
    function scroll() { box.scrollIntoView({ block: "center", inline: "center" }); }
    if (document.readyState === "complete") {
      scroll();
    } else {
      window.addEventListener("load", scroll, { once: true });
    }
  }

  function readTrail() {
    try {
      var trail = JSON.parse(window.sessionStorage.getItem(TRAIL_KEY) || "[]");
      return Array.isArray(trail) ? trail : [];
    } catch (error) {  // storage turned off, or not our format
      return [];
    }
  }

  function drawTrail(container, chart) {
    var trail = readTrail();
    var drawn = false;
    trail.forEach(function (id, n) {
      (chart.boxes[id] || []).forEach(function (box) { box.classList.add("fc-trail"); drawn = true; });
      (chart.edgesTo[id] || []).forEach(function (edge) {
        if (n > 0 && edge.getAttribute("data-from") === trail[n - 1]) { edge.classList.add("fc-trail"); }
      });
    });
    if (drawn && container.getAttribute("data-trail")) {
      container.insertBefore(element("p", "fc-trail-note", container.getAttribute("data-trail")),
                             container.querySelector(".fc-scroll"));
    }
  }

  /* The next box for an arrow key, or null: the drawings are indented trees, so the question a
     box hangs from is the nearest box above it that is less indented. */
  function neighbour(box, key, chart) {
    var at = chart.order.indexOf(box);
    var svg = box.ownerSVGElement;
    var x = box.getBBox().x;
    var step = key === "ArrowUp" || key === "ArrowLeft" ? -1 : 1;
    for (var n = at + step; n >= 0 && n < chart.order.length; n += step) {
      var other = chart.order[n];
      if (key === "ArrowUp" || key === "ArrowDown") { return other; }
      if (other.ownerSVGElement !== svg) { return null; }
      var otherX = other.getBBox().x;
      if (key === "ArrowLeft" && otherX < x) { return other; }
      if (key === "ArrowRight") { return otherX > x ? other : null; }
    }
    return null;
  }

  function setUpCharts(container) {
    if (container.hasAttribute("data-fc-ready")) { return; }
    container.setAttribute("data-fc-ready", "");
    var chart = index(container);
    var selected = "";  // the node the panel shows
    var chosen = null;  // the box the reader tapped or focused for it
    var pointing = false;  // a pointer, not the keyboard, is about to focus a box
    var quiet = false;  // focus given back by closing the panel: not a new choice

    function light(id) {
      container.querySelectorAll(".fc-on-path, .fc-current").forEach(function (lit) {
        lit.classList.remove("fc-on-path", "fc-current");
      });
      container.classList.toggle("fc--tracing", Boolean(chart.boxes[id]));
      if (!chart.boxes[id]) { return; }
      waysTo(id, chart).forEach(function (lit) {
        lit.classList.add("fc-on-path");
        if (lit.classList.contains("fc-edge")) { lit.parentNode.appendChild(lit); }  // on top
      });
      chart.boxes[id].forEach(function (box) { box.classList.add("fc-current"); });
    }

    function select(id, box) {
      selected = chart.boxes[id] ? id : "";
      chosen = selected ? box || chart.boxes[id][0] : null;
      light(selected);
      if (selected) { fillPanel(panel, container, id, chart); } else { panel.hidden = true; }
    }

    var panel = makePanel(container, function () {
      var back = chosen;
      select("");
      if (back) {
        quiet = true;
        back.focus();
        quiet = false;
      }
    });

    chart.order.forEach(function (box) {
      var id = box.getAttribute("data-id");
      box.addEventListener("mouseenter", function () { light(id); });
      box.addEventListener("mouseleave", function () { light(selected); });
      box.addEventListener("focus", function () { if (!pointing && !quiet) { select(id, box); } });
      box.addEventListener("click", function (event) {
        pointing = false;
        var jump = box.getAttribute("href").charAt(0) === "#";
        if (selected === id && !jump) { return; }  // the second tap opens the page
        event.preventDefault();
        select(id, box);
        if (jump) { centre(ownBox(id, chart)); }
      });
    });
    container.addEventListener("pointerdown", function () { pointing = true; });
    container.addEventListener("keydown", function (event) {
      pointing = false;
      if (event.key === "Escape" && selected) {  // focus stays where the reader is
        select("");
        return;
      }
      var box = event.target.closest && event.target.closest("a.fc-node");
      if (!box || ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].indexOf(event.key) < 0) {
        return;
      }
      var next = neighbour(box, event.key, chart);
      event.preventDefault();
      if (next) { next.focus(); }
    });

    container.fcFollowHash = function () {
      var id = hashTarget();
      if (!chart.boxes[id]) { return; }
      select(id, ownBox(id, chart));
      centre(ownBox(id, chart));
    };
    container.fcFollowHash();
    drawTrail(container, chart);
    addZoom(container);
  }

  /* Zoom changes the drawn size, not the layout: a drawing wider than the column scrolls in
     its own frame. Button labels come from the container's data-zoom-* attributes. */
  function addZoom(container) {
    var svgs = Array.prototype.slice.call(container.querySelectorAll("svg.fc"));
    var sizes = svgs.map(function (svg) { return svg.viewBox.baseVal; });
    var scale = 1;
    var bar = element("div", "fc-zoom");

    function apply() {
      svgs.forEach(function (svg, n) {
        svg.setAttribute("width", String(Math.round(sizes[n].width * scale)));
        svg.setAttribute("height", String(Math.round(sizes[n].height * scale)));
      });
    }

    function button(text, label, change) {
      var made = element("button", "", text);
      made.type = "button";
      made.setAttribute("aria-label", label || text);
      made.title = label || text;
      made.addEventListener("click", function () {
        scale = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, change(scale)));
        apply();
      });
      bar.appendChild(made);
    }

    button("−", container.getAttribute("data-zoom-out"), function (s) { return s / ZOOM_STEP; });
    button("+", container.getAttribute("data-zoom-in"), function (s) { return s * ZOOM_STEP; });
    button("1:1", container.getAttribute("data-zoom-reset"), function () { return 1; });
    container.insertBefore(bar, container.firstChild);
  }

  function setUp() {
    document.querySelectorAll(".fc-charts").forEach(setUpCharts);
  }

  window.addEventListener("hashchange", function () {
    document.querySelectorAll(".fc-charts[data-fc-ready]").forEach(function (container) {
      if (container.fcFollowHash) { container.fcFollowHash(); }
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
