/* Site search, in Material's search dialog. The index (search/index.json, built by
   build_tools/search_index.py) is downloaded the first time the reader opens search, not with
   every page. A query is cut like the site's text: dictionary words the index knows, character
   pairs, single characters, the pinyin of pairs (for homophone typos), English words (stemmed,
   and as prefixes while typing); traditional characters are folded first. Pages score by the
   terms they share with the query, rarer terms counting more. */
(function () {
  "use strict";

  var RUN = /[\u3400-\u9fff]+|[a-z0-9]+/g;
  var HAN = /^[\u3400-\u9fff]/;
  var MAX_RESULTS = 10;
  /* Words: Material's own (from __config) for the result count and "nothing found"; ours
     (build_tools/strings.py) from the dialog's data-text-* attributes. */
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
        .then(prepare);
      state.loading.catch(function () { state.loading = null; });
    }
    return state.loading;
  }

  /* What the script needs beyond the file: each character's sound, and the index's character
     pairs grouped by how they sound. */
  function prepare(data) {
    var soundOf = {};
    Object.keys(data.sounds || {}).forEach(function (sound) {
      Array.from(data.sounds[sound]).forEach(function (ch) { soundOf[ch] = sound; });
    });
    var pairsBySound = {};
    var longWords = [];
    Object.keys(data.terms).forEach(function (term) {
      var chars = Array.from(term);
      if (chars.length === 2 && HAN.test(term) && soundOf[chars[0]] && soundOf[chars[1]]) {
        var key = soundOf[chars[0]] + " " + soundOf[chars[1]];
        (pairsBySound[key] = pairsBySound[key] || []).push(term);
      } else if (chars.length > 2 && HAN.test(term)) {
        longWords.push(term);
      }
    });
    var folding = {};
    var pairs = Array.from(data.folding || "");
    for (var i = 0; i + 1 < pairs.length; i += 2) { folding[pairs[i]] = pairs[i + 1]; }
    var latin = Object.keys(data.terms).filter(function (t) { return !HAN.test(t); }).sort();
    state.index = { data: data, soundOf: soundOf, pairsBySound: pairsBySound, longWords: longWords,
                    latin: latin, stop: new Set(data.stop), folding: folding };
    return state.index;
  }

  function normalize(text, folding) {
    var folded = Array.from(text.normalize("NFKC").toLowerCase())
      .map(function (ch) { return folding[ch] || ch; }).join("");
    return folded.match(RUN) || [];
  }

  function stem(word) {
    var suffixes = ["ing", "ed", "es", "s"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (word.slice(-suffix.length) === suffix && word.length - suffix.length >= 3) {
        return word.slice(0, -suffix.length);
      }
    }
    return word;
  }

  /* The query as [term, weight] pairs. */
  function queryTerms(index, query) {
    var w = index.data.weights;
    var terms = index.data.terms;
    var found = [];
    normalize(query, index.folding).forEach(function (run) {
      if (HAN.test(run)) {
        var chars = Array.from(run);
        index.longWords.forEach(function (word) {
          if (run.indexOf(word) >= 0) { found.push([word, w.word]); }
        });
        for (var i = 0; i + 1 < chars.length; i++) {
          var pair = chars[i] + chars[i + 1];
          found.push([pair, w.pair]);
          var key = (index.soundOf[chars[i]] || chars[i]) + " " + (index.soundOf[chars[i + 1]] || chars[i + 1]);
          (index.pairsBySound[key] || []).forEach(function (alike) {
            if (alike !== pair) { found.push([alike, w.sound]); }
          });
        }
        chars.forEach(function (ch) { found.push([ch, w.single]); });
      } else if (!index.stop.has(run)) {
        var exact = [run, stem(run)].filter(function (t, k, all) {
          return terms[t] && all.indexOf(t) === k;
        });
        var prefixed = exact.length ? exact : index.latin.filter(function (t) {
          return t.indexOf(run) === 0;
        }).slice(0, 8);
        prefixed.forEach(function (t) { found.push([t, w.word]); });
      }
    });
    return found;
  }

  /* Pages best first: the sum over shared terms of weight x rarity x the page's own weight,
     favouring pages that share more of the query. */
  function rank(index, query) {
    var docs = index.data.docs;
    var scores = new Array(docs.length).fill(0);
    var matched = new Array(docs.length).fill(0);
    var wanted = queryTerms(index, query);
    var total = wanted.reduce(function (sum, t) { return sum + t[1]; }, 0) || 1;
    wanted.forEach(function (t) {
      var posting = index.data.terms[t[0]];
      if (!posting) { return; }
      var rarity = Math.log(1 + docs.length / (posting.length / 2));
      for (var i = 0; i < posting.length; i += 2) {
        scores[posting[i]] += t[1] * rarity * posting[i + 1];
        matched[posting[i]] += t[1];
      }
    });
    return scores
      .map(function (score, doc) { return [score * (0.5 + matched[doc] / total), doc]; })
      .filter(function (pair) { return pair[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
      .slice(0, MAX_RESULTS)
      .map(function (pair) { return docs[pair[1]]; });
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content) { node.textContent = content; }
    return node;
  }

  function resultItem(doc, root) {
    var item = element("li", "help-search-result__item");
    var link = element("a", "help-search-result__link");
    link.href = new URL(doc[0], root).href;
    var article = element("article", "help-search-result__article");
    article.appendChild(element("h1", "", doc[1]));
    article.appendChild(element("p", "", doc[2]));
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
    var results = rank(state.index, query);
    meta.textContent = countText(results.length);
    if (!results.length) {
      meta.parentNode.insertBefore(emptyState(root), list);
    }
    results.forEach(function (doc) { list.appendChild(resultItem(doc, root)); });
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

  window.helpCentreSearch = { load: load, rank: function (query) { return rank(state.index, query); },
                              terms: function (query) { return queryTerms(state.index, query); } };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
