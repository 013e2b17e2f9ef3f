/* How search ranks the pages for a query, from the downloaded index (search/index.json, built by
   build_tools/render/search/index.py). A query is read by search-text.js as the site's text was:
   dictionary words, character pairs, single characters, English words (stemmed, and as prefixes
   while typing), with traditional characters folded; a pair no page has also matches the pairs
   that sound alike (pinyin typos). Pages score by the terms they share with the query, rarer
   terms counting more; then by what the query means (meaning.py): a page whose ways from the
   home page agree with what the query says happened (没收到, 已签收, 超过七天) gains, one that
   contradicts it loses; a time question (多久, how long) favours the pages that answer when, a
   question about what a status means (待发货是什么意思) the status's question page. Last, what
   the editors' phrasings taught (learned.py): each page's chance for the query's words, added
   to its share of the best score. Pure functions: no page, no network (search.js shows the
   results). */
(function (root) {
  "use strict";

  var HAN = /^[\u3400-\u9fff]/;
  var MAX_RESULTS = 10;
  /* How much what the query means counts: for each thing the query says happened or not, a
     page whose way agrees is worth AGREE times as much, one whose way does not say UNKNOWN
     times (a question page above the answer is less precise than the answer), one that
     contradicts it CONTRADICT times; a time question multiplies the pages that answer when by
     TIMING, and its own words (and the words that only say how one asks) count ASKED of their
     weight; a question about what a status means multiplies the question pages by EXPLAINS; an
     amount of time within NEAR of the bound a question page's answers fall either side of
     agrees with that page, and neither agrees with nor contradicts the answers, each of which
     assumes a side. A page is shown while its share of the rules' best score and its learned
     chance add up to at least RELEVANT (for the rules' share alone, as before the chance
     came: RELEVANT of the first page's score). A shopper's word that the pages say otherwise
     (卖家 for 商家, synonyms.py) also looks for the site's word at SYNONYM of its weight, a
     concept the query names (寄出来: shipped) for the concept's first word at EXPAND. Tuned
     on the development sets (tests/search/runner.py's TUNED), measured on the held-out ones
     (docs/decisions/010-search-meaning.md, 014-search-synonyms.md,
     015-search-reading-a-query.md, 016-search-learns-from-phrasings.md). */
  var AGREE = 1.5, UNKNOWN = 0.75, CONTRADICT = 0.4, TIMING = 1.6, ASKED = 0.3, EXPAND = 0.5;
  var RELEVANT = 0.25, LIFT = 0.35, SYNONYM = 1, EXPLAINS = 2, NEAR = 0.3;

  /* What the script needs beyond the file: how to read text, each character's sound, the
     index's character pairs grouped by how they sound, each page's sentences as read, and the
     general and asking words longest first (onlyGeneral), sorted once rather than per key. */
  function prepare(data) {
    /* The tables looked up by the reader's words, without Object's own keys: a query such as
       "constructor" must find no term, synonym or learned count. */
    data = Object.assign({}, data, {
      terms: bare(data.terms),
      learned: Object.assign({}, data.learned, { counts: bare(data.learned.counts) }),
      vocabulary: Object.assign({}, data.vocabulary, { synonyms: bare(data.vocabulary.synonyms) })
    });
    var text = root.helpCentreText;
    var reading = text.model(data);
    var soundOf = {};
    Object.keys(data.sounds || {}).forEach(function (sound) {
      Array.from(data.sounds[sound]).forEach(function (ch) { soundOf[ch] = sound; });
    });
    var pairsBySound = {};
    Object.keys(data.terms).forEach(function (term) {
      var chars = Array.from(term);
      if (chars.length === 2 && HAN.test(term) && soundOf[chars[0]] && soundOf[chars[1]]) {
        var key = soundOf[chars[0]] + " " + soundOf[chars[1]];
        (pairsBySound[key] = pairsBySound[key] || []).push(term);
      }
    });
    var latin = Object.keys(data.terms).filter(function (t) { return !HAN.test(t); }).sort();
    var sentences = data.docs.map(function (doc) {
      return doc[2].map(function (sentence) {
        return " " + text.normalize(sentence, reading).join(" ") + " ";
      });
    });
    var general = data.vocabulary.general.concat(data.vocabulary.asking)
      .sort(function (a, b) { return b.length - a.length; });
    return { data: data, text: text, reading: reading, soundOf: soundOf, general: general,
             pairsBySound: pairsBySound, latin: latin, sentences: sentences };
  }

  function bare(table) {
    return Object.assign(Object.create(null), table);
  }

  /* The query read: its meaning, its terms as [term, weight] pairs, and its own terms alone
     (`own`: without synonyms or concepts; the learned chances read them). The words that ask
     when (多久, how long) or only how (怎么, 吗) count ASKED of their weight: they say what kind
     of answer is wanted, not what it is about ("days" would find the seven-day pages for any
     time question). */
  function understand(index, query) {
    var text = index.text, reading = index.reading;
    var normalized = text.normalize(query, reading).join(" ");
    var meant = text.meaning(normalized, reading);
    var asking = meant.asked.concat(spansOf(normalized, index.data.vocabulary.asking));
    var subject = {};
    text.terms(withoutAsked(normalized, asking, reading.lang), reading)
      .forEach(function (t) { subject[t[0]] = true; });
    var own = text.terms(normalized, reading);
    var wanted = weighted(index, own.map(function (t) {
      return subject[t[0]] ? t : [t[0], t[1], ASKED];
    }));
    var also = Object.keys(meant.facts).map(function (concept) {
      return [index.data.vocabulary.names[concept], EXPAND];
    });
    synonymsIn(normalized, index.data.vocabulary.synonyms, reading.lang).forEach(function (word) {
      also.push([word, SYNONYM]);
    });
    also.forEach(function (entry) {
      if (!entry[0]) { return; }
      weighted(index, text.terms(entry[0], reading)).forEach(function (t) {
        if (!wanted.some(function (w) { return w[0] === t[0]; })) { wanted.push([t[0], t[1] * entry[1]]); }
      });
    });
    var vocabulary = index.data.vocabulary;
    var situation = "days" in meant || Object.keys(meant.facts).some(function (concept) {
      return vocabulary.topics.indexOf(concept) < 0 && vocabulary.wants.indexOf(concept) < 0;
    });
    return { meaning: meant, terms: wanted, own: own.map(function (t) { return t[0]; }),
             general: !situation && onlyGeneral(normalized, index.general, reading.lang),
             explains: namesAny(normalized, index.data.vocabulary.explains, reading.lang) };
  }

  /* Whether the query holds one of the words: Chinese anywhere, English as whole words. */
  function namesAny(normalized, words, lang) {
    var padded = lang === "en" ? " " + normalized + " " : normalized;
    return words.some(function (word) {
      return padded.indexOf(lang === "en" ? " " + word + " " : word) >= 0;
    });
  }

  /* The site's words for the shoppers' words in the query (synonyms.py): the longest
     known word at each place, Chinese by characters, English by whole words (a plural "s" or
     "es" too). */
  function synonymsIn(normalized, synonyms, lang) {
    var found = [];
    var units = lang === "en" ? normalized.split(" ") : Array.from(normalized);
    var glue = lang === "en" ? " " : "";
    for (var i = 0; i < units.length;) {
      var size = 0;
      for (var n = Math.min(units.length - i, 6); n > 0 && !size; n--) {
        var piece = units.slice(i, i + n).join(glue);
        var forms = lang === "en" ? [piece, piece.replace(/s$/, ""), piece.replace(/es$/, "")] : [piece];
        var key = forms.filter(function (form) { return synonyms[form]; })[0];
        if (key) {
          size = n;
          synonyms[key].forEach(function (word) { if (found.indexOf(word) < 0) { found.push(word); } });
        }
      }
      i += size || 1;
    }
    return found;
  }

  /* Where the words that only say how one asks stand (怎么, 能不能, 吗; Chinese only): like
     English stop words they say nothing of the order, and their pairs (么退) would find the
     pages whose keywords happen to ask the same way. They count ASKED of their weight. */
  function spansOf(normalized, words) {
    var spans = [];
    words.forEach(function (word) {
      for (var at = normalized.indexOf(word); at >= 0; at = normalized.indexOf(word, at + 1)) {
        spans.push([at, at + word.length]);
      }
    });
    return spans;
  }

  /* Whether the query's words are all `words` (lexicon GENERAL with the words that only ask
     how, longest first): 怎么退款, how to cancel an order. The query must also say no situation
     (订单取消了 is one: understand). */
  function onlyGeneral(normalized, words, lang) {
    var rest = lang === "en" ? " " + normalized + " " : normalized;
    words.forEach(function (word) {
      var piece = lang === "en" ? " " + word + " " : word;
      while (rest.indexOf(piece) >= 0) { rest = rest.split(piece).join(" "); }
    });
    return rest.trim() === "";
  }

  /* The text without the words at `asked` (spans of characters, or of words in English). */
  function withoutAsked(normalized, asked, lang) {
    if (!asked.length) { return normalized; }
    if (lang === "en") {
      var tokens = normalized.split(" ");
      asked.forEach(function (span) { for (var k = span[0]; k < span[1]; k++) { tokens[k] = ""; } });
      return tokens.join(" ");
    }
    var chars = normalized.split("");
    asked.forEach(function (span) { for (var i = span[0]; i < span[1]; i++) { chars[i] = " "; } });
    return chars.join("");
  }

  /* Index terms and their weights for [term, kind, factor] (factor 1 when left out): a pair
     also finds the pairs that sound alike, an English word its stem or, while typed, the
     words it begins. */
  function weighted(index, terms) {
    var w = index.data.weights;
    var found = [];
    terms.forEach(function (t, k) {
      var term = t[0], kind = t[1];
      var factor = t.length > 2 ? t[2] : 1;
      function add(name, weight) { found.push([name, weight * factor]); }
      if (kind === "word") {
        add(term, w.word);
      } else if (kind === "single") {
        add(term, w.single);
      } else if (kind === "pair") {
        add(term, w.pair);
        var chars = Array.from(term);
        /* A pair the pages use is what the reader meant, not a typo: 视频 must not find 食品. */
        if (index.data.terms[term]) { return; }
        var key = (index.soundOf[chars[0]] || chars[0]) + " " + (index.soundOf[chars[1]] || chars[1]);
        (index.pairsBySound[key] || []).forEach(function (alike) {
          if (alike !== term) { add(alike, w.sound); }
        });
      } else if (kind === "latin") {
        var stemmed = terms[k + 1] && terms[k + 1][1] === "stem" ? [terms[k + 1][0]] : [];
        var exact = [term].concat(stemmed).filter(function (x) { return index.data.terms[x]; });
        var prefixed = exact.length ? exact : index.latin.filter(function (x) {
          return x.indexOf(term) === 0;
        }).slice(0, 8);
        prefixed.forEach(function (x) { add(x, w.word); });
      }
    });
    return found;
  }

  /* How much what the query means moves a page: the best of its ways from the home page. When
     the query names an amount of time, a page that some way bounds by time (还在 7 天内) is
     judged by those ways only: the others did not ask. */
  function meaningFactor(index, doc, read) {
    var meant = read.meaning;
    var known = index.data.meanings[doc];
    var ways = known[0].length ? known[0] : [{ facts: {} }];
    if ("days" in meant && ways.some(function (way) { return way.than; })) {
      ways = ways.filter(function (way) { return way.than; });
    }
    var best = 0;
    ways.forEach(function (way) {
      var factor = 1;
      Object.keys(meant.facts).forEach(function (concept) {
        if (index.data.vocabulary.topics.indexOf(concept) >= 0) { return; }
        if (!(concept in way.facts)) {
          factor *= UNKNOWN;
        } else {
          factor *= way.facts[concept] === meant.facts[concept] ? AGREE : CONTRADICT;
        }
      });
      if ("days" in meant && !way.than) {
        factor *= !meant.than && near(meant.days, known[3]) ? AGREE : UNKNOWN;
      } else if ("days" in meant && !meant.than && near(meant.days, way.days)) {
        factor *= UNKNOWN;  /* 签收第六天: which side it is on is the question's to say */
      } else if ("days" in meant) {
        var days = meant.days * (meant.than === "more" ? 1.05 : meant.than === "less" ? 0.95 : 1);
        factor *= (way.than === "less" ? days <= way.days : days > way.days) ? AGREE : CONTRADICT;
      }
      best = Math.max(best, factor);
    });
    if (read.explains && known[2]) { best *= EXPLAINS; }
    return meant.asks && known[1] ? best * TIMING : best;
  }

  /* Whether an amount of time is near the bound a question page's answers fall either side of
     (签收第六天, 刚好第七天: is it still within 7 days?): that page tells the reader which side
     they are on, and how the days are counted. Only for a bare amount: a reader who says
     "more than" or "within" knows their side. */
  function near(days, bound) {
    return bound != null && Math.abs(days - bound) <= NEAR * bound;
  }

  /* Pages best first, those that score at least RELEVANT. The rules' score: the sum over
     shared terms of weight x rarity x the page's own weight, favouring pages that share more
     of the query, times what the query's meaning makes of the page; the learned chance is
     added to it (below). A page that shares a word with the query and whose way agrees with
     its meaning is first lifted by LIFT of the best words' score: meaning can bring up a page
     that the words barely reach (收到快一个月了不想要了 has no word of "past seven days"). */
  function rank(index, query) {
    var docs = index.data.docs;
    var scores = new Array(docs.length).fill(0);
    var matched = new Array(docs.length).fill(0);
    var read = understand(index, query);
    var total = read.terms.reduce(function (sum, t) { return sum + t[1]; }, 0) || 1;
    read.terms.forEach(function (t) {
      var posting = index.data.terms[t[0]];
      if (!posting) { return; }
      var rarity = Math.log(1 + docs.length / (posting.length / 2));
      for (var i = 0; i < posting.length; i += 2) {
        scores[posting[i]] += t[1] * rarity * posting[i + 1];
        matched[posting[i]] += t[1];
      }
    });
    var top = Math.max.apply(null, scores.map(function (score, doc) {
      return score * (0.5 + matched[doc] / total);
    }));
    var ranked = scores
      .map(function (score, doc) {
        var factor = meaningFactor(index, doc, read);
        var lifted = score && factor > 1 ? LIFT * top : 0;
        return [doc, (score * (0.5 + matched[doc] / total) + lifted) * factor];
      })
      .filter(function (pair) { return pair[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    /* Then what the phrasings taught: each page's chance, added to its share of the best
       score by the rules (both at most 1). The floor is absolute: a page the model is sure of
       must not push the rules' next choices out of the list. */
    var chances = learnedChances(index, read.own);
    var byRules = new Array(docs.length).fill(0);
    var place = new Array(docs.length).fill(docs.length);  /* ties keep the rules' order */
    var best = ranked.length ? ranked[0][1] : 1;
    ranked.forEach(function (pair, k) { byRules[pair[0]] = pair[1] / best; place[pair[0]] = k; });
    ranked = byRules.map(function (share, doc) { return [doc, share + chances[doc]]; })
      .filter(function (pair) { return pair[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1] || place[a[0]] - place[b[0]] || a[0] - b[0]; });
    /* A query that names only what is wanted done (怎么退款) gets the home page first: it asks
       the order's status, on which the answer depends. After the chances, not before: such
       words (退款, 申请退款) are in the phrasings of many answers, and naive Bayes favours the
       answers with the fewest examples. */
    var home = docs.findIndex(function (d) { return d[0] === ""; });
    if (read.general && ranked.length && home >= 0) {
      var first = ranked[0][1];
      ranked = [[home, first]].concat(ranked.filter(function (pair) { return pair[0] !== home; }));
    }
    return { terms: read.terms, results: ranked.filter(function (pair) { return pair[1] >= RELEVANT; })
      .slice(0, MAX_RESULTS).map(function (pair) { return docs[pair[0]]; }) };
  }

  /* Each page's chance of being the one wanted, by what the phrasings taught (learned.py):
     naive Bayes over the query's own terms (understand's `own`) that some example holds, the pages no example leads to
     left out. All zero when the query has no such term but single characters: then the rules
     alone rank. A page's log-likelihood is the sum over those terms of log((count + alpha) /
     total); it starts at the value for count 0 for every term, and each posting adds the
     difference, so only the pages that hold a term are visited for it. The log-likelihoods are
     divided by the model's spread before they become chances (learned.py says why). */
  function learnedChances(index, own) {
    var model = index.data.learned;
    var chances = new Array(index.data.docs.length).fill(0);
    var known = {};
    own.forEach(function (term) {
      if (model.counts[term]) { known[term] = model.counts[term]; }
    });
    var words = Object.keys(known);
    /* Single characters alone (吗, 我, the first key of a word) say too little to learn from. */
    if (!words.some(function (word) { return Array.from(word).length > 1; })) { return chances; }
    var base = Math.log(model.alpha);
    var logs = model.totals.map(function (total) {
      return total ? words.length * (base - Math.log(total)) : null;
    });
    words.forEach(function (word) {
      var posting = known[word];
      for (var i = 0; i < posting.length; i += 2) {
        if (logs[posting[i]] !== null) { logs[posting[i]] += Math.log(posting[i + 1] + model.alpha) - base; }
      }
    });
    var most = Math.max.apply(null, logs.filter(function (l) { return l !== null; }));
    var sum = 0;
    logs.forEach(function (l, doc) {
      if (l !== null) { chances[doc] = Math.exp((l - most) / model.spread); sum += chances[doc]; }
    });
    return chances.map(function (c) { return c / sum; });
  }

  /* The sentence of a page that shares most of the query's words and pairs (rarer ones
     counting more); the page's lead when none does. */
  function sentenceFor(index, doc, terms) {
    var number = index.data.docs.indexOf(doc);
    var best = 0, bestScore = 0;
    index.sentences[number].forEach(function (sentence, k) {
      var score = 0;
      terms.forEach(function (t) {
        var term = t[0];
        var needle = HAN.test(term) ? term : " " + term;
        if (Array.from(term).length > 1 && sentence.indexOf(needle) >= 0) {
          score += t[1] / ((index.data.terms[term] || [0, 0]).length / 2 || 1);
        }
      });
      if (score > bestScore) { best = k; bestScore = score; }
    });
    return doc[2][best] || "";
  }

  var api = { prepare: prepare, understand: understand, rank: rank, sentenceFor: sentenceFor,
              learnedChances: learnedChances };
  root.helpCentreRank = api;
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})(typeof window !== "undefined" ? window : globalThis);
