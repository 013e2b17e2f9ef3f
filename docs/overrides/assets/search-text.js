/* How search reads text: the same steps as build_tools/render/search/index.py (normalize,
   terms), words.py (the dictionary cut) and meaning.py (what a text says happened to the order),
   with the dictionary and the vocabulary that the index carries. tests/search/vectors.json holds
   texts with their terms and meaning; the browser tests run this file on it, pytest runs the
   Python side on it. Pure functions: no page, no network. */
(function (root) {
  "use strict";

  var RUN = /[\u3400-\u9fff0-9]*[\u3400-\u9fff][\u3400-\u9fff0-9]*|[a-z0-9]+/g;
  var UNIT = /[0-9]+|./g;
  var NUMBER_SPACE = /(?<=[0-9]) (?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]) (?=[0-9])/g;  /* 7 天 is 7天 */

  /* What the functions below need from one language's index. */
  function model(data) {
    var folding = {};
    var pairs = Array.from(data.folding || "");
    for (var i = 0; i + 1 < pairs.length; i += 2) { folding[pairs[i]] = pairs[i + 1]; }
    var weights = data.dictionary.words;
    var prefixes = new Set();
    Object.keys(weights).forEach(function (word) {
      for (var end = 1; end <= word.length; end++) { prefixes.add(word.slice(0, end)); }
    });
    var vocabulary = data.vocabulary;
    var known = {};
    Object.keys(vocabulary.words).forEach(function (w) { known[w] = ["facts", vocabulary.words[w]]; });
    vocabulary.negators.forEach(function (w) { known[w] = ["negator", null]; });
    vocabulary.before.forEach(function (w) { known[w] = ["before", null]; });
    vocabulary.promises.forEach(function (w) { known[w] = ["promise", null]; });
    vocabulary.claims.concat(vocabulary.fears).forEach(function (w) { known[w] = ["claim", null]; });
    vocabulary.turns.forEach(function (w) { known[w] = ["turn", null]; });
    vocabulary.whether.forEach(function (w) { known[w] = ["whether", null]; });
    vocabulary.asks.forEach(function (w) { known[w] = ["asks", null]; });
    Object.keys(vocabulary.ago).forEach(function (w) { known[w] = ["ago", [vocabulary.ago[w], ""]]; });
    return { lang: data.folding ? "zh" : "en", folding: folding, stop: new Set(data.stop),
             weights: weights, unknown: data.dictionary.unknown, prefixes: prefixes,
             vocabulary: vocabulary, known: known, duration: new RegExp(vocabulary.duration, "y"),
             more: new Set(vocabulary.more), less: new Set(vocabulary.less) };
  }

  /* The text's runs of Chinese characters (with digits) and of letters or digits. */
  function normalize(text, m) {
    var folded = Array.from(text.normalize("NFKC").toLowerCase())
      .map(function (ch) { return m.folding[ch] || ch; }).join("");
    return folded.replace(NUMBER_SPACE, "").match(RUN) || [];
  }

  function isHan(ch) { return ch >= "\u3400" && ch <= "\u9fff"; }

  /* The dictionary cut (words.py): the most probable route through the dictionary's words. */
  function cut(run, m) {
    var size = run.length;
    var best = new Array(size + 1).fill(null).map(function () { return [0, 0]; });
    for (var start = size - 1; start >= 0; start--) {
      var choice = null;
      wordEnds(run, start, m).forEach(function (end) {
        var piece = run.slice(start, end + 1);
        var score = (piece in m.weights ? m.weights[piece] : m.unknown) + best[end + 1][0];
        if (!choice || score > choice[0] || (score === choice[0] && end > choice[1])) {
          choice = [score, end];
        }
      });
      best[start] = choice;
    }
    var pieces = [];
    for (var at = 0; at < size;) {
      var end = best[at][1] + 1;
      var piece = run.slice(at, end);
      if (pieces.length && looseDigits(piece, m) && looseDigits(pieces[pieces.length - 1], m)) {
        pieces[pieces.length - 1] += piece;
      } else {
        pieces.push(piece);
      }
      at = end;
    }
    return pieces;
  }

  function wordEnds(run, start, m) {
    var ends = [];
    for (var end = start; end < run.length && m.prefixes.has(run.slice(start, end + 1)); end++) {
      if (run.slice(start, end + 1) in m.weights) { ends.push(end); }
    }
    return ends.length ? ends : [start];
  }

  function looseDigits(piece, m) { return /^[0-9]+$/.test(piece) && !(piece in m.weights); }

  function innerWords(piece, m) {
    var found = [];
    for (var n = 2; n < piece.length; n++) {
      for (var i = 0; i + n <= piece.length; i++) {
        if (piece.slice(i, i + n) in m.weights) { found.push(piece.slice(i, i + n)); }
      }
    }
    return found;
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

  /* index.py's `terms`, for a query (a short field): [term, kind] in the same order. */
  function terms(text, m) {
    var found = [];
    normalize(text, m).forEach(function (run) {
      if (!/^[\x00-\x7f]*$/.test(run)) {
        var units = run.match(UNIT);
        cut(run, m).forEach(function (word) {
          if (word.length > 1) {
            found.push([word, "word"]);
            innerWords(word, m).forEach(function (inner) { found.push([inner, "word"]); });
          }
        });
        units.forEach(function (u) { if (isHan(u)) { found.push([u, "single"]); } });
        for (var i = 0; i + 1 < units.length; i++) { found.push([units[i] + units[i + 1], "pair"]); }
      } else if (!m.stop.has(run)) {
        found.push([run, "latin"]);
        if (stem(run) !== run) { found.push([stem(run), "stem"]); }
      }
    });
    return found;
  }

  /* meaning.py's `meaning`: concepts that did or did not happen, an amount of time, a time
     question; `asked` holds where the time questions stand (characters or words). */
  function meaning(normalized, m) {
    var facts = {};
    var conflicted = {};
    var found = { facts: facts, asks: false, asked: [] };
    var negatedAt = null;
    var last = null;  /* the last concept word, and whether it was negated */
    var claimedUntil = -1;  /* where the words someone promised or claimed end (说好…发货) */
    var promised = false;  /* whether those words were a promise: what it names did not happen */
    var askedAt = null;  /* where the last 是不是 / 有没有 ended, until a word uses it */
    function say(item, flip) {
      item.value.split(" ").filter(Boolean).forEach(function (fact) {
        var concept = fact.slice(0, -1);
        var happened = (fact.slice(-1) === "+") !== flip;
        if (conflicted[concept]) { return; }
        if (concept in facts && facts[concept] !== happened) {  /* one text says both: neither */
          conflicted[concept] = true;
          delete facts[concept];
        } else {
          facts[concept] = happened;
        }
      });
    }
    items(normalized, m).forEach(function (item) {
      if (item.kind === "turn") {  /* 说是正品结果是高仿: what follows is what happened */
        claimedUntil = -1;
      } else if (item.start < claimedUntil && item.kind !== "asks") {
        if (promised && item.kind === "facts") { say(item, true); }
      } else if (item.kind === "promise" || item.kind === "claim") {
        claimedUntil = clauseEnd(normalized, m, item.end);
        promised = item.kind === "promise";
      } else if (item.kind === "negator") {
        negatedAt = item.end;
      } else if (item.kind === "whether") {
        askedAt = item.end;
      } else if (item.kind === "facts") {
        var flip = negatedAt !== null && withinReach(normalized, m, negatedAt, item.start);
        var whether = askedAt !== null && withinReach(normalized, m, askedAt, item.start);
        negatedAt = askedAt = null;
        if (whether) { last = null; return; }  /* 是不是骗子: asked, neither said nor denied */
        say(item, flip);
        last = [item, flip];
      } else if (item.kind === "before") {
        if (last && last[0].end === item.start && !last[1]) {  /* 发货前: not shipped after all */
          last[0].value.split(" ").filter(Boolean).forEach(function (fact) {
            delete facts[fact.slice(0, -1)];
          });
          say(last[0], true);
        }
        last = null;
      } else if (item.kind === "asks") {
        found.asks = true;
        found.asked.push([item.start, item.end]);
      } else if (!("days" in found)) {
        found.days = item.value[0];
        found.than = asksSide(normalized, m, item, askedAt) ? "" : item.value[1];
        askedAt = null;
      }
    });
    var alone = m.vocabulary.alone.filter(function (c) { return facts[c]; });
    if (alone.length) {  /* a scam's story is the bait (meaning.py) */
      Object.keys(facts).forEach(function (c) { if (alone.indexOf(c) < 0) { delete facts[c]; } });
    }
    return found;
  }

  /* meaning.py's _asks_side: 还在七天内吗, "is it still within 7 days" ask which side. */
  function asksSide(normalized, m, item, askedAt) {
    if (askedAt !== null && withinReach(normalized, m, askedAt, item.start)) { return true; }
    var after = normalized.slice(item.end);
    return m.lang === "zh" && m.vocabulary.questionEnds.some(function (q) { return after.indexOf(q) === 0; });
  }

  function clauseEnd(normalized, m, start) {
    if (m.lang === "en") { return start + m.vocabulary.claimReach; }
    var end = normalized.indexOf(" ", start);
    return end < 0 ? normalized.length : end;
  }

  function withinReach(normalized, m, negatorEnd, wordStart) {
    if (m.lang === "en") { return wordStart - negatorEnd <= m.vocabulary.reach; }
    var between = normalized.slice(negatorEnd, wordStart);
    return between.length <= m.vocabulary.reach && between.indexOf(" ") < 0;
  }

  function items(normalized, m) {
    var found = [];
    if (m.lang === "en") {
      var tokens = normalized ? normalized.split(" ") : [];
      for (var k = 0, offset = 0; k < tokens.length;) {
        var size = 0;
        var kind = "";
        var value = null;
        for (var n = Math.min(tokens.length - k, 5); n > 0; n--) {
          var phrase = tokens.slice(k, k + n).join(" ");
          if (Object.prototype.hasOwnProperty.call(m.known, phrase)) {
            size = n; kind = m.known[phrase][0]; value = m.known[phrase][1];
            break;
          }
        }
        var d = duration(normalized, offset, m);
        if (d && d.end >= offset + tokens.slice(k, k + size).join(" ").length) {
          size = normalized.slice(offset, d.end).split(" ").length;
          kind = "duration"; value = d.value;
        }
        if (size) { found.push({ kind: kind, start: k, end: k + size, value: value }); }
        tokens.slice(k, k + (size || 1)).forEach(function (t) { offset += t.length + 1; });
        k += size || 1;
      }
      return found;
    }
    function longest(at) {
      for (var len = Math.min(normalized.length - at, 6); len > 0; len--) {
        if (Object.prototype.hasOwnProperty.call(m.known, normalized.slice(at, at + len))) {
          return normalized.slice(at, at + len);
        }
      }
      return "";
    }
    for (var i = 0; i < normalized.length;) {
      var word = longest(i);
      if (word && m.known[word][0] === "negator") {
        /* 还没 then 没动静: a word that begins with this negator's own last negator and goes on
           past it is read whole (meaning.py's _items). */
        for (var j = i + 1; j < i + word.length; j++) {
          var tail = normalized.slice(j, i + word.length);
          var inner = longest(j);
          var tailNegates = Object.prototype.hasOwnProperty.call(m.known, tail) &&
            m.known[tail][0] === "negator";
          if (tailNegates && j + inner.length > i + word.length) {
            i = j; word = inner; break;
          }
        }
      }
      var amount = duration(normalized, i, m);
      if (amount && amount.end - i >= word.length) {
        found.push({ kind: "duration", start: i, end: amount.end, value: amount.value });
        i = amount.end;
      } else if (word) {
        found.push({ kind: m.known[word][0], start: i, end: i + word.length, value: m.known[word][1] });
        i += word.length;
      } else {
        i += 1;
      }
    }
    return found;
  }

  /* An amount of time at `at`: its end and [days, "more" | "less" | ""] (meaning.py's _amount). */
  function duration(text, at, m) {
    m.duration.lastIndex = at;
    var match = m.duration.exec(text);
    if (!match) { return null; }
    var before = match[1], number = match[2], more = match[3], unit = match[4], after = match[5];
    var than = [before, after].filter(function (s) { return m.more.has(s) || m.less.has(s); })[0];
    var comparison = than !== undefined ? (m.more.has(than) ? "more" : "less") : (more ? "more" : "");
    return { end: at + match[0].length,
             value: [numberOf(number, m) * m.vocabulary.units[unit], comparison] };
  }

  function numberOf(text, m) {
    var numbers = m.vocabulary.numbers;
    if (/^[0-9]+$/.test(text)) { return parseInt(text, 10); }
    if (m.lang === "zh" && text.indexOf("十") >= 0) {
      var tens = text.slice(0, text.indexOf("十"));
      var ones = text.slice(text.indexOf("十") + 1);
      return (tens ? (numbers[tens[0]] || 1) : 1) * 10 + (ones ? (numbers[ones[0]] || 0) : 0);
    }
    return numbers[m.lang === "en" ? text : text[0]];
  }

  var api = { model: model, normalize: normalize, cut: cut, terms: terms, meaning: meaning,
              stem: stem };
  root.helpCentreText = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof window !== "undefined" ? window : globalThis);
