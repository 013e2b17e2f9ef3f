/* Site search, in Material's search dialog. The index (search/index.json, built by
   build_tools/render/search/index.py) is downloaded the first time the reader opens search, not
   with every page; search-rank.js ranks the pages for the query (reading it with
   search-text.js), and this file shows them as the reader types. */
(function () {
  "use strict";

  /* Words: Material's own (from __config) for the result count and "nothing found"; ours
     (build_tools/render/strings.py) from the dialog's data-text-* attributes. */
  var state = { index: null, loading: null, config: null };

  function config() {
    state.config = state.config || JSON.parse(document.getElementById("__config").textContent);
    return state.config;
  }

  function words() {
    return document.querySelector("[data-help-search]").dataset;
  }

  function siteRoot() {
    return new URL(config().base.replace(/\/?$/, "/"), location.href);
  }

  function countText(count) {
    var words = config().translations;
    if (!count) { return words["search.result.none"]; }
    return count === 1 ? words["search.result.one"] : words["search.result.other"].replace("#", count);
  }

  function load() {
    if (!state.loading) {
      state.loading = fetch(new URL("search/index.json", siteRoot()))
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (data) { state.index = window.helpCentreRank.prepare(data); return state.index; });
      state.loading.catch(function () { state.loading = null; });
    }
    return state.loading;
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content) { node.textContent = content; }
    return node;
  }

  function resultItem(doc, sentence, root) {
    var item = element("li", "help-search-result__item");
    var link = element("a", "help-search-result__link");
    link.href = new URL(doc[0], root).href;
    var article = element("article", "help-search-result__article");
    article.appendChild(element("h1", "", doc[1]));
    article.appendChild(element("p", "", sentence));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function emptyState(root) {
    var text = words();
    var box = element("div", "help-search-empty");
    box.appendChild(element("p", "", text.textOther));
    var list = element("ul");
    [[text.textHome, ""], [text.textFlowchart, "flowchart/"]].forEach(function (entry) {
      var item = element("li");
      var link = element("a", "", entry[0]);
      link.href = new URL(entry[1], root).href;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function show(dialog, query) {
    var meta = dialog.querySelector(".help-search-result__meta");
    var list = dialog.querySelector(".help-search-result__list");
    var old = dialog.querySelector(".help-search-empty");
    if (old) { old.remove(); }
    list.textContent = "";
    if (!query.trim()) {
      meta.textContent = meta.getAttribute("data-placeholder");
      return;
    }
    if (!state.index) {
      meta.textContent = words().textLoading;
      load().then(function () { show(dialog, dialog.querySelector("input").value); },
                  function () { meta.textContent = words().textFailed; });
      return;
    }
    var root = siteRoot();
    var found = window.helpCentreRank.rank(state.index, query);
    meta.textContent = countText(found.results.length);
    if (!found.results.length) {
      meta.parentNode.insertBefore(emptyState(root), list);
    }
    found.results.forEach(function (doc) {
      list.appendChild(resultItem(doc, window.helpCentreRank.sentenceFor(state.index, doc, found.terms), root));
    });
  }

  function setUp() {
    var dialog = document.querySelector("[data-help-search]");
    var toggle = document.getElementById("__search");
    if (!dialog || !toggle || dialog.hasAttribute("data-ready")) { return; }
    dialog.setAttribute("data-ready", "");
    var input = dialog.querySelector("input");
    var meta = dialog.querySelector(".help-search-result__meta");
    meta.setAttribute("data-placeholder", meta.textContent.trim());
    var pending = null;
    var update = function (event) {
      if (event.isComposing) { return; }  // pinyin being typed is not the query yet
      clearTimeout(pending);
      pending = setTimeout(function () { show(dialog, input.value); }, 80);
    };
    input.addEventListener("input", update);
    input.addEventListener("compositionend", update);
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = dialog.querySelector(".help-search-result__link");
      if (first) { location.href = first.href; }
    });
    dialog.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { show(dialog, ""); input.focus(); }, 0);
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        load();
        setTimeout(function () { input.focus(); }, 50);
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target || {};
      var typing = /input|textarea|select/i.test(target.tagName || "") || target.isContentEditable;
      var modified = event.ctrlKey || event.metaKey || event.altKey || event.isComposing;
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        input.blur();
      } else if (event.key === "/" && !typing && !modified) {
        event.preventDefault();
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
    });
    var params = new URLSearchParams(location.search);
    if (params.get("q")) {  // ?q=… opens search with a query: a link an agent can share
      input.value = params.get("q");
      toggle.checked = true;
      show(dialog, input.value);
    }
  }

  /* For the tests and the benchmark: the same functions the search box uses. */
  window.helpCentreSearch = {
    load: load,
    rank: function (query) { return window.helpCentreRank.rank(state.index, query).results; },
    terms: function (text) {
      return window.helpCentreText.terms(text, state.index.reading).map(function (t) { return t[0]; });
    },
    meaning: function (text) {
      var reading = state.index.reading;
      var meant = window.helpCentreText.meaning(window.helpCentreText.normalize(text, reading).join(" "), reading);
      delete meant.asked;
      return meant;
    },
    understand: function (query) { return window.helpCentreRank.understand(state.index, query); },
    chances: function (query) {
      var own = window.helpCentreRank.understand(state.index, query).own;
      return window.helpCentreRank.learnedChances(state.index, own);
    },
    sentence: function (query) {
      var found = window.helpCentreRank.rank(state.index, query);
      return found.results.length ? window.helpCentreRank.sentenceFor(state.index, found.results[0], found.terms) : "";
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
