/* The archive's search worker: Material's search UI, the archive's sharded index.
 *
 * Speaks Material for MkDocs' worker protocol (its integrations/search/worker/message):
 *   {type: 0 SETUP, data: {config, docs, options}}  ->  {type: 1 READY}
 *   {type: 2 QUERY, data: "query string"}           ->  {type: 3 RESULT, data: {items: SearchItem[][]}}
 * SearchItem = {location, title, text, score, terms: {queryTerm: matched}}; each group is a page's
 * document followed by its matching sections.
 *
 * Two sources, searched with the same tokeniser and scoring, and merged:
 * - SETUP's docs: Material's own index, which holds the hand-written Markdown pages only (a few);
 *   searched in memory.
 * - the archive's index (hooks/archive/export/search_index.py): articles, each claim (a result of
 *   its own, opening article.html#claim-ID) and the searchable generated pages, in files under
 *   search/archive/ loaded by importScripts when a query needs them (never at page load): meta.js on
 *   the first query, one shard per query term (its first two characters), then the chunks holding
 *   the titles and snippets of the results shown.
 * importScripts is the worker's own over HTTP (synchronous) and the iframe shim's under file://
 * (docs/assets/iframe-worker/frame.js: it returns a Promise); both resolve a relative address
 * against this script's, and both are handled below.
 *
 * Material puts a result's title and text into the page as HTML: everything shown here is
 * escaped, and the only markup added is <mark> around matched words (and <p> around the text).
 *
 * Ranking: documents matching every query term first; then the readers' pages before the pages
 * for editors and maintainers (Material's pages whose front matter sets `search: boost:` below 1:
 * Content format, Performance, Build engines; the generated Error messages and Coverage pages are
 * not searched at all); then by score: for each query term, the
 * best of its matches in the document, (1 + ln weight) * ln(1 + N / df), where the weight counts
 * the term in the document (a word of the title counts 4) and df is the number of documents that
 * have it; a word that only starts with the last query term (search as you type) counts half.
 * The last query term is a prefix when it is two characters or more (one character is a whole
 * word: its prefix would read many shards), and not when it is two characters whose shard the
 * index had to split (same reason).
 * A result's snippet is cut around its first matched word; the words marked are the words that
 * matched: when a document has the last query term as a whole word, only that word is marked, not
 * the longer words it begins ("AP could not" marks "not", not "Notch").
 * At most MAX_RESULTS pages are returned: a reader refines a query rather than scrolls past 25
 * results, and each result shown costs a chunk file to download.
 *
 * Plain JavaScript for current browsers (ES2017, plus Unicode property escapes in regular
 * expressions, ES2018), no build step.
 */
"use strict";

var INDEX = "../../search/archive/"; // relative to this script: site/assets/search/worker.js
var MAX_RESULTS = 25;
var PREFIX_FACTOR = 0.5;
var TITLE_WEIGHT = 4; // as in search_index.py
var MAX_WEIGHT = 16;

/* The tokeniser. The same rules are written in hooks/archive/search_index.py; both must agree
 * (tests/test_search_index.py runs this one in Chromium on the same strings as the Python one):
 *   1. Unicode NFKD: "ﬁ" -> "fi", "²" -> "2", "𝐀" -> "A", "é" -> "e" + a combining accent;
 *   2. lowercase (Unicode's full mapping: String.prototype.toLowerCase, str.lower);
 *   3. every combining mark (general category M) removed: "Café" -> "cafe", "İ" -> "i";
 *   4. words are the runs of letters and digits (general categories L and N); anything else
 *      separates words: "4,518" -> "4", "518"; "week’s" -> "week", "s";
 *   5. the words of STOP_WORDS are dropped.
 */
function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

var STOP_WORDS = {};
("a an and are as at be by for from has have he her his i in is it its of on or s t that the their this to " +
  "was were which will with").split(" ").forEach(function (word) {
  STOP_WORDS[word] = true;
});
var WORD = /[\p{L}\p{N}]+/gu;
var MARK = /\p{M}/gu;
var NON_ASCII = /[^\x00-\x7f]/;

function normalize(text) {
  return NON_ASCII.test(text) ? text.normalize("NFKD").toLowerCase().replace(MARK, "") : text.toLowerCase();
}

function tokens(text) {
  return (normalize(text).match(WORD) || []).filter(function (word) {
    return !has(STOP_WORDS, word);
  });
}

/* A term's shard: its first two characters (code points, as Python counts them), or three when
 * the index split the shard of those two (meta.split: shards too large are split, see
 * search_index.py). */
function shardKey(term) {
  var chars = Array.from(term);
  var two = chars.slice(0, 2).join("");
  return meta && meta.splitKeys[two] ? chars.slice(0, 3).join("") : two;
}

function fileKey(key) {
  return Array.from(key)
    .map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "-" + c.codePointAt(0).toString(16) + "-";
    })
    .join("");
}

/* ---- The archive's index, as its files hand it over ---- */

var meta = null;
var shards = Object.create(null); // key -> {term: postings, as a string}
var chunks = {}; // number -> [document, ...]: see the docs handler

var archiveSearch = (self.archiveSearch = {
  meta: function (data) {
    meta = data;
    meta.has = Object.create(null);
    data.shards.forEach(function (key) {
      meta.has[key] = true;
    });
    meta.splitKeys = Object.create(null);
    (data.split || []).forEach(function (key) {
      meta.splitKeys[key] = true;
    });
  },
  shard: function (key, terms) {
    shards[key] = terms;
  },
  /* A chunk's entries (search_index.py): an article's or a page's [title, location, shown(, said)],
   * a claim's [title, ID, note, status, chain(, said)]. A claim's article is the last article
   * before it, in the chunk or, for the claims that open it, `opening`; what the claim shares with
   * its article (the address, the date said) is read from the article's entry when shown. */
  docs: function (number, docs, opening) {
    var article = opening;
    chunks[number] = docs.map(function (doc, i) {
      if (doc.length <= 4) {
        article = number * meta.chunk + i;
        return { title: doc[0], location: doc[1], text: doc[2], said: doc.length > 3 ? doc[3] : "" };
      }
      var claim = { title: doc[0], claim: doc[1], text: doc[2], status: doc[3], chain: doc[4], article: article };
      if (doc.length > 5) claim.said = doc[5]; // else its article's
      return claim;
    });
  },
});

/* Load scripts of the index (addresses relative to INDEX) with whichever importScripts there is. */
function load(paths) {
  if (!paths.length) return Promise.resolve();
  try {
    return Promise.resolve(
      importScripts.apply(
        self,
        paths.map(function (path) {
          return INDEX + path;
        })
      )
    );
  } catch (error) {
    return Promise.reject(error);
  }
}

/* ---- Material's index (SETUP), searched in memory ---- */

var pages = []; // {location, title, text (plain), weights: {term: weight}}
var pageDf = Object.create(null);

function plain(html) {
  return String(html || "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, function (all, name) {
      name = name.toLowerCase();
      if (name[0] === "#") {
        var code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[name];
    })
    .replace(/\s+/g, " ")
    .trim();
}

function weigh(title, text) {
  var weights = Object.create(null);
  tokens(text).forEach(function (term) {
    weights[term] = (weights[term] || 0) + 1;
  });
  tokens(title).forEach(function (term) {
    weights[term] = (weights[term] || 0) + TITLE_WEIGHT;
  });
  Object.keys(weights).forEach(function (term) {
    weights[term] = Math.min(weights[term], MAX_WEIGHT);
  });
  return weights;
}

function setup(data) {
  pages = (data.docs || []).map(function (doc) {
    var title = plain(doc.title);
    var text = plain(doc.text);
    var boost = typeof doc.boost === "number" ? doc.boost : 1;
    return { location: String(doc.location), title: title, text: text, weights: weigh(title, text), tier: boost < 1 ? 1 : 0 };
  });
  pageDf = Object.create(null);
  pages.forEach(function (page) {
    Object.keys(page.weights).forEach(function (term) {
      pageDf[term] = (pageDf[term] || 0) + 1;
    });
  });
}

/* ---- Queries ---- */

function parse(query) {
  var terms = [];
  tokens(query).forEach(function (term) {
    if (terms.indexOf(term) < 0) terms.push(term);
  });
  // The last term is a prefix (the reader is typing it), unless it is one character long
  // (a prefix of one character would read every shard that starts with it); see also search().
  return terms.map(function (term, i) {
    return { term: term, prefix: i === terms.length - 1 && Array.from(term).length > 1 };
  });
}

function matches(word, query) {
  if (word === query.term) return 1;
  return query.prefix && word.lastIndexOf(query.term, 0) === 0 ? PREFIX_FACTOR : 0;
}

/* A term's postings as its shard writes them (search_index.py): each posting's number in digits,
 * the last one from "#" to "[" (57 values), those before it from "]" to "~" (34 values); the
 * number is (gap to the previous posting's document << 4) | (weight - 1).
 * Returns [document id, weight, document id, weight, ...]. */
function postingsOf(text) {
  var out = [];
  var doc = 0;
  var value = 0;
  for (var k = 0; k < text.length; k++) {
    var code = text.charCodeAt(k);
    if (code > 92) {
      value = value * 34 + code - 93;
      continue;
    }
    var number = value * 57 + code - 35;
    value = 0;
    doc += Math.floor(number / 16);
    out.push(doc, (number % 16) + 1);
  }
  return out;
}

/* Every document (archive: "a" + id; Material's: "p" + index) with its best score per query term. */
function score(queries) {
  var total = (meta ? meta.docs : 0) + pages.length;
  var found = Object.create(null);
  function add(id, i, value, exact) {
    var entry =
      found[id] ||
      (found[id] = {
        id: id,
        best: queries.map(function () {
          return 0;
        }),
        exact: queries.map(function () {
          return false;
        }),
      });
    if (value > entry.best[i]) entry.best[i] = value;
    if (exact) entry.exact[i] = true;
  }
  queries.forEach(function (query, i) {
    var shard = shards[shardKey(query.term)] || {};
    var words = Object.create(null);
    Object.keys(shard).forEach(function (word) {
      if (matches(word, query)) words[word] = true;
    });
    pages.forEach(function (page) {
      Object.keys(page.weights).forEach(function (word) {
        if (matches(word, query)) words[word] = true;
      });
    });
    Object.keys(words).forEach(function (word) {
      var factor = matches(word, query);
      var exact = word === query.term;
      var postings = has(shard, word) ? postingsOf(shard[word]) : [];
      var idf = Math.log(1 + total / (postings.length / 2 + (pageDf[word] || 0)));
      for (var k = 0; k < postings.length; k += 2) {
        add("a" + postings[k], i, (1 + Math.log(postings[k + 1])) * idf * factor, exact);
      }
      pages.forEach(function (page, p) {
        var weight = page.weights[word];
        if (weight) add("p" + p, i, (1 + Math.log(weight)) * idf * factor, exact);
      });
    });
  });
  return Object.keys(found).map(function (id) {
    var entry = found[id];
    entry.matched = entry.best.filter(Boolean).length;
    entry.tier = entry.id[0] === "p" ? pages[+entry.id.slice(1)].tier : 0;
    entry.score = entry.best.reduce(function (a, b) {
      return a + b;
    }, 0);
    return entry;
  });
}

function rank(a, b) {
  return b.matched - a.matched || a.tier - b.tier || b.score - a.score;
}

/* ---- Results, as Material shows them ---- */

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

var WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;

/* The text, escaped, with <mark> around each word that matches a query term. */
function highlight(text, queries) {
  var out = "";
  var position = 0;
  text.replace(WORD_RUN, function (word, offset) {
    var hit = tokens(word).some(function (term) {
      return queries.some(function (query) {
        return matches(term, query) > 0;
      });
    });
    if (hit) {
      out += escapeHtml(text.slice(position, offset)) + "<mark>" + escapeHtml(word) + "</mark>";
      position = offset + word.length;
    }
    return word;
  });
  return out + escapeHtml(text.slice(position));
}

/* Up to ~length characters of text around its first matched word. */
function excerpt(text, queries, length) {
  if (text.length <= length) return text;
  var first = -1;
  text.replace(WORD_RUN, function (word, offset) {
    if (first < 0 && tokens(word).some(function (term) {
      return queries.some(function (query) {
        return matches(term, query) > 0;
      });
    }))
      first = offset;
    return word;
  });
  var start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  var end = Math.min(text.length, start + length);
  var cut = text.lastIndexOf(" ", end);
  if (end < text.length && cut > start) end = cut;
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

/* The query terms as a document matched them: a prefix term that the document has as a whole
 * word marks that word only. */
function asMatched(queries, entry) {
  return queries.map(function (query, i) {
    return entry && entry.exact[i] && query.prefix ? { term: query.term, prefix: false } : query;
  });
}

function item(location, title, text, entryScore, queries, best) {
  var terms = {};
  queries.forEach(function (query, i) {
    terms[query.term] = best[i] > 0;
  });
  return {
    location: location,
    title: highlight(title, queries),
    text: text ? "<p>" + highlight(text, queries) + "</p>" : "",
    score: entryScore,
    terms: terms,
  };
}

function pageOf(location) {
  return location.split("#")[0];
}

/* The best MAX_RESULTS documents, in order: an archive document, or one of Material's pages with
 * every matching section of it. */
function select(ranked) {
  var picked = [];
  var byPage = Object.create(null);
  ranked.forEach(function (entry) {
    if (entry.id[0] === "a") {
      if (picked.length < MAX_RESULTS) picked.push({ archive: +entry.id.slice(1), entry: entry });
      return;
    }
    var page = pageOf(pages[+entry.id.slice(1)].location);
    if (!has(byPage, page)) {
      if (picked.length >= MAX_RESULTS) return;
      byPage[page] = { page: page, entries: [] };
      picked.push(byPage[page]);
    }
    byPage[page].entries.push(entry);
  });
  return picked;
}

/* An archive document as the docs handler keeps it. */
function archiveDoc(id) {
  return chunks[Math.floor(id / meta.chunk)][id % meta.chunk];
}

/* A claim's address and byline (who said it, its status, when), made from its article's document,
 * whose chunk search() loads with the claim's. */
function claimLocation(doc) {
  return archiveDoc(doc.article).location + "#claim-" + doc.claim;
}

function byline(doc) {
  var said = has(doc, "said") ? doc.said : archiveDoc(doc.article).said;
  return doc.chain + " · " + meta.statuses[doc.status] + (said ? " · said " + said : "");
}

function chunkOf(id) {
  return Math.floor(id / meta.chunk);
}

/* Results are grouped as Material shows them: a page, then its sections. The archive's claims are
 * the sections of their article (each opening article.html#claim-ID), so the article's headline
 * is shown once above its claims. Picks of one article are merged into the group of the first. */
function grouped(picked) {
  var groups = [];
  var byArticle = Object.create(null);
  picked.forEach(function (pick) {
    if (!has(pick, "archive")) {
      groups.push(pick);
      return;
    }
    var doc = archiveDoc(pick.archive);
    var article = has(doc, "claim") ? doc.article : pick.archive;
    var group = byArticle[article];
    if (!group) {
      group = byArticle[article] = { article: article, entry: null, claims: [] };
      groups.push(group);
    }
    if (article === pick.archive) group.entry = pick.entry;
    else group.claims.push(pick);
  });
  return groups;
}

/* Claims shown at once under their article; the others behind Material's "N more on this page". */
var CLAIMS_SHOWN = 3;

function group(pick, queries) {
  if (has(pick, "article")) {
    var articleDoc = archiveDoc(pick.article);
    var none = queries.map(function () {
      return 0;
    });
    var claims = pick.claims.map(function (claim) {
      var doc = archiveDoc(claim.archive);
      var marked = asMatched(queries, claim.entry);
      // who said it and its status always; the note cut around its matched words
      var text = byline(doc) + " · " + excerpt(doc.text, marked, 200);
      return item(claimLocation(doc), doc.title, text, claim.entry.score, marked, claim.entry.best);
    });
    var entry = pick.entry;
    var marked = asMatched(queries, entry);
    var head = item(
      articleDoc.location,
      articleDoc.title,
      excerpt(articleDoc.text, marked, 240),
      entry ? entry.score : 0,
      marked,
      entry ? entry.best : none
    );
    if (claims.length) {
      // Material shows at once the sections scoring at least the group's first item: the article
      // goes first with the score of the last claim to show at once.
      head.score = claims[Math.min(claims.length, CLAIMS_SHOWN) - 1].score;
    }
    return [head].concat(claims);
  }
  var items = pick.entries.map(function (entry) {
    var page = pages[+entry.id.slice(1)];
    var marked = asMatched(queries, entry);
    return item(page.location, page.title, excerpt(page.text, marked, 240), entry.score, marked, entry.best);
  });
  // Material's UI takes the item without a #fragment for the page itself: it comes first, and is
  // added (matching nothing) when only sections matched.
  var at = items.findIndex(function (made) {
    return made.location === pick.page;
  });
  if (at > 0) items.unshift(items.splice(at, 1)[0]);
  if (at < 0) {
    var page = pages.find(function (candidate) {
      return candidate.location === pick.page;
    });
    var nothing = queries.map(function () {
      return 0;
    });
    items.unshift(item(pick.page, page ? page.title : pick.page, "", 0, queries, nothing));
  }
  return items;
}

/* Load the chunks of these archive document ids that are not loaded yet. */
function loadChunks(ids) {
  var needed = [];
  ids.forEach(function (id) {
    var number = chunkOf(id);
    if (!chunks[number] && needed.indexOf(number) < 0) needed.push(number);
  });
  return load(
    needed.map(function (number) {
      return "d_" + number + ".js";
    })
  );
}

function search(query) {
  var queries = parse(query);
  if (!queries.length) return Promise.resolve([]);
  var picked;
  return (meta ? Promise.resolve() : load(["meta.js"]))
    .then(function () {
      queries.forEach(function (query) {
        // A two-character prefix of a split shard would read every shard under it: a whole word then.
        if (query.prefix && Array.from(query.term).length === 2 && meta.splitKeys[query.term]) query.prefix = false;
      });
      var needed = [];
      queries.forEach(function (query) {
        var key = shardKey(query.term);
        if (meta.has[key] && !shards[key] && needed.indexOf(key) < 0) needed.push(key);
      });
      return load(
        needed.map(function (key) {
          return "t_" + fileKey(key) + ".js";
        })
      );
    })
    .then(function () {
      picked = select(score(queries).sort(rank));
      // Only the chunks that hold the results shown ...
      return loadChunks(
        picked
          .filter(function (pick) {
            return has(pick, "archive");
          })
          .map(function (pick) {
            return pick.archive;
          })
      );
    })
    .then(function () {
      // ... and those of the articles of claims found without their article (usually the same chunk).
      var articles = [];
      picked.forEach(function (pick) {
        if (!has(pick, "archive")) return;
        var doc = archiveDoc(pick.archive);
        if (has(doc, "claim")) articles.push(doc.article);
      });
      return loadChunks(articles);
    })
    .then(function () {
      return grouped(picked).map(function (pick) {
        return group(pick, queries);
      });
    });
}

/* ---- Messages ---- */

var SETUP = 0,
  READY = 1,
  QUERY = 2,
  RESULT = 3;
var latest = 0;

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    setup(message.data || {});
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var ticket = ++latest;
    search(String(message.data || "")).then(
      function (items) {
        // Under file:// loading is asynchronous: an answer overtaken by a newer query is dropped.
        if (ticket === latest) postMessage({ type: RESULT, data: { items: items } });
      },
      function (error) {
        if (ticket === latest) postMessage({ type: RESULT, data: { items: [] } });
        setTimeout(function () {
          throw error;
        });
      }
    );
  }
});
