/* A helpful empty state for the search box.
   When Material's search finds nothing, its result list stays blank under "no matching
   documents". This adds two ways forward in the page's language: the status choice (home
   page) and the flowchart. Links are relative to the language's root, taken from Material's
   own `__config.base`, so they work under any sub-path (GitHub Pages project sites) and on the
   English edition under /en/. No libraries; nothing happens without JavaScript (nor does
   Material's search). */
(function () {
  "use strict";

  var TEXTS = {
    zh: {
      lead: "没有找到。换个说法试试（比如“退款多久到账”），或者一步步找答案：",
      home: "按订单状态找答案",
      flowchart: "看完整流程图"
    },
    en: {
      lead: "Nothing found. Try other words (for example “refund”), or find your answer step by step:",
      home: "Choose your order's status",
      flowchart: "See the whole flowchart"
    }
  };
  var BOX_CLASS = "help-search-empty";

  function language() {
    var lang = (document.documentElement.lang || "").toLowerCase();
    return lang.indexOf("zh") === 0 ? "zh" : "en";
  }

  function config() {
    var element = document.querySelector("#__config");
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  /* "../.." or "." -> "../../" or "./": the language root, relative to this page. */
  function rootPrefix(base) {
    base = typeof base === "string" && base ? base : ".";
    return base.replace(/\/+$/, "") + "/";
  }

  function link(href, label) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    return a;
  }

  function buildBox(texts, root) {
    var box = document.createElement("div");
    box.className = BOX_CLASS;
    box.setAttribute("role", "status");
    var lead = document.createElement("p");
    lead.textContent = texts.lead;
    var list = document.createElement("ul");
    [link(root, texts.home), link(root + "flowchart/", texts.flowchart)].forEach(function (a) {
      var item = document.createElement("li");
      item.appendChild(a);
      list.appendChild(item);
    });
    box.appendChild(lead);
    box.appendChild(list);
    box.hidden = true;
    return box;
  }

  function setUp() {
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (!meta || !list || !meta.parentNode) {
      return;
    }
    var settings = config();
    var none = (settings.translations || {})["search.result.none"];
    var box = buildBox(TEXTS[language()], rootPrefix(settings.base));
    /* Between the meta line and the list: Material finds those two as the container's first
       and last child, so they stay where it expects them. */
    meta.parentNode.insertBefore(box, list);

    function update() {
      var text = (meta.textContent || "").trim();
      box.hidden = !(none && text === none.trim() && list.children.length === 0);
    }

    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    new MutationObserver(update).observe(list, { childList: true });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
