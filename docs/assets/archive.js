/* Annotated news archive: each claim's note level with its figure.
 *
 * The page works without this script: notes stand after their paragraph.
 * Wide screens (side notes, after Tufte CSS and the Hypothesis sidebar): every
 * note rests in the right margin as one line (number, status, claimant), placed
 * as near its figure as the notes around it allow. The active note (of the
 * figure hovered, focused, clicked or named in the address, #claim-ID) opens in
 * full, level with its figure; the others move aside only as far as needed.
 * Narrow screens: notes are folded; a tapped or focused figure opens its note
 * under the figure's line. A second tap, Escape or a tap elsewhere closes it.
 * Every note gets "Copy link" and "Cite": the citation is made here from the
 * note and its article's data attributes, exactly as the archive's records
 * write it (hooks/archive/render/html.py, citation; a browser test compares
 * the two). Under the text, the table of the article's figures is made from
 * the notes (each note holds all it shows).
 */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 60em)");
  var GAP = 3; // px between notes in the margin
  var HOVER_GRACE = 300; // ms for the pointer to travel from a figure to its note

  function byId(id) {
    return document.getElementById(id);
  }

  // A note is note-ID, its figure claim-ID.
  function claimOf(note) {
    return note.id.slice("note-".length);
  }

  function figureOf(note) {
    return byId("claim-" + claimOf(note));
  }

  function noteOf(figure) {
    return byId("note-" + figure.id.slice("claim-".length));
  }

  // A figure becomes a button described by its note: the page carries neither, as without this
  // script a click does nothing.
  function makeButton(figure) {
    figure.setAttribute("role", "button");
    figure.setAttribute("tabindex", "0");
    var note = noteOf(figure);
    if (note) figure.setAttribute("aria-describedby", note.id);
  }

  // A note's parts by their place (render/article.py note()): its head (number, status, when said),
  // its relay chain, its words, its links.
  function headOf(note) {
    return note.children[0];
  }

  function numberOf(note) {
    return textOf(headOf(note).querySelector("a"));
  }

  // The note's status, a link to the status's page: the head's second link (note() in
  // hooks/archive/render/article.py), coloured by the note's data-status.
  function badgeOf(note) {
    return headOf(note).querySelector("a + a");
  }

  function linksOf(note) {
    return note.children[3];
  }

  function chainNames(note) {
    return Array.prototype.slice.call(note.querySelectorAll(".na-chain a"));
  }

  // The resting note's one line names the claimant (archive.css shows it only there, once this
  // script has laid the notes out): a copy of the relay chain's first name, for the eye only.
  function restingClaimant(note) {
    var badge = badgeOf(note);
    var claimant = chainNames(note)[0];
    if (!badge || !claimant) return;
    var name = document.createElement("span");
    name.className = "na-note__claimant";
    name.setAttribute("aria-hidden", "true");
    name.textContent = claimant.textContent;
    badge.after(" ", name);
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  /* ---------- copy link, cite ---------- */

  function articleOf(note) {
    return note.closest(".na-article");
  }

  // The page's public address when the site was built with site_url (the printed source line
  // carries it), else the address it was opened at.
  function permalink(note) {
    var address = articleOf(note).querySelector(".na-print-source__address");
    var page = textOf(address) || location.href.split("#")[0];
    return page + "#claim-" + claimOf(note);
  }

  function textOf(element) {
    return element ? element.textContent : "";
  }

  // Who said the quoted words, where and when, the verdict with its permalink and its date.
  function citationText(note) {
    var article = articleOf(note);
    var names = chainNames(note).map(textOf);
    var checked = "";
    Array.prototype.forEach.call(linksOf(note).children, function (item) {
      if (/^Checked /.test(item.textContent)) checked = textOf(item.querySelector("time"));
    });
    var published = article.getAttribute("data-published");
    var said = textOf(headOf(note).querySelector("time"));
    var parts = [
      names[0] + ", \u201c" + textOf(figureOf(note)) + "\u201d",
      said ? "said " + said : "",
      names.length > 1 ? "relayed by " + names.slice(1).join(", ") : "",
      "in " + article.getAttribute("data-outlet") + (published ? ", " + published : ""),
    ];
    var status = textOf(badgeOf(note));
    return (
      parts.filter(Boolean).join(", ") +
      ". Rated " + status + " by " + article.getAttribute("data-publisher") + ", " + permalink(note) +
      (checked ? " (checked " + checked + ")" : "") + "."
    );
  }

  /* ---------- the verdict's figures ---------- */

  // Each status of the verdict lists its figures' numbers, each linking to its figure (what the
  // page carries: the status and its count; the notes have each figure's number and status).
  function verdictFigures(article) {
    var notes = article.querySelectorAll(".na-text .na-note");
    article.querySelectorAll(".na-verdict li").forEach(function (row) {
      var badge = row.querySelector(".na-status");
      var figures = document.createElement("span");
      figures.className = "na-verdict__figures";
      notes.forEach(function (note) {
        if (note.getAttribute("data-status") !== badge.getAttribute("data-status")) return;
        var number = numberOf(note);
        var link = document.createElement("a");
        link.href = "#claim-" + claimOf(note);
        link.setAttribute("aria-label", "note " + number + ": " + textOf(figureOf(note)));
        link.textContent = number;
        if (figures.childNodes.length) figures.appendChild(document.createTextNode(" "));
        figures.appendChild(link);
      });
      row.append(": ", figures);
    });
  }

  /* ---------- the table of the figures ---------- */

  function cell(row, content) {
    var td = document.createElement("td");
    if (typeof content === "string") td.textContent = content;
    else content.forEach(function (node, n) {
      if (n) td.appendChild(document.createTextNode(", "));
      td.appendChild(node);
    });
    row.appendChild(td);
  }

  function figuresTable(text) {
    var notes = text.querySelectorAll(".na-note");
    if (!notes.length) return;
    var heading = document.createElement("h2");
    heading.id = "figures";
    heading.textContent = "Figures in this article";
    var table = document.createElement("table");
    table.className = "na-table";
    var head = table.createTHead().insertRow();
    // The list pages' order: the status beside its figure, in view on a phone, where the table scrolls.
    ["#", "Figure", "Status", "Claimant", "Relayed by", "Said"].forEach(function (name) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    notes.forEach(function (note) {
      var row = body.insertRow();
      var figure = document.createElement("a");
      figure.href = "#claim-" + claimOf(note);
      figure.textContent = textOf(figureOf(note));
      var chain = chainNames(note).map(function (a) {
        return a.cloneNode(true);
      });
      var head = headOf(note);
      var said = head.querySelector("time");
      // Out of its note, the badge carries its status itself, as the page's other badges do.
      var badge = badgeOf(note).cloneNode(true);
      badge.className = "na-status";
      badge.setAttribute("data-status", note.getAttribute("data-status"));
      cell(row, numberOf(note));
      cell(row, [figure]);
      cell(row, [badge]);
      cell(row, chain.slice(0, 1));
      cell(row, chain.length > 1 ? chain.slice(1) : "\u2014");
      cell(row, said ? [said.cloneNode(true)] : "\u2014");
    });
    text.after(heading, table);
  }

  function copy(text, done) {
    var fallback = function () {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      done(ok);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          done(true);
        },
        fallback
      );
    } else {
      fallback();
    }
  }

  function addTools(note) {
    var links = linksOf(note);
    if (!links) return;
    var status = document.createElement("span");
    status.className = "na-note__copied";
    status.setAttribute("role", "status");
    var shown = null;
    var button = function (label, what) {
      var item = document.createElement("span");
      item.className = "na-note__tool";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "na-note__button";
      b.textContent = label;
      b.addEventListener("click", function () {
        var text = what === "cite" ? citationText(note) : permalink(note);
        if (what === "cite") {
          if (!shown) {
            shown = document.createElement("p");
            shown.className = "na-note__citation";
            note.appendChild(shown);
          }
          shown.textContent = text;
          relayout();
        }
        copy(text, function (ok) {
          status.textContent = ok ? (what === "cite" ? "Citation copied" : "Link copied") : "Select and copy it";
        });
      });
      item.appendChild(b);
      links.appendChild(item);
    };
    button("Copy link", "link");
    button("Cite", "cite");
    links.appendChild(status);
  }

  /* ---------- which note is active ---------- */

  // hoverLocked: after the page scrolled to show a selected note, the figure that scrolled under
  // a still pointer is not "hovered" until the pointer moves.
  var state = { selected: null, hovered: null, text: null, hoverLocked: false };
  var hoverTimer = null;
  var relayout = function () {};

  function active() {
    return state.hovered || state.selected;
  }

  function mark() {
    var current = active();
    document.querySelectorAll(".na-claim.na-active, .na-note.na-active").forEach(function (e) {
      e.classList.remove("na-active");
    });
    if (current) {
      current.classList.add("na-active");
      var note = noteOf(current);
      if (note) note.classList.add("na-active");
    }
  }

  /* ---------- wide screens: notes in the margin ---------- */

  // Resting notes: blocks of touching notes, each block centred on its figures (the least
  // largest distance between a note and its figure), merged while they overlap.
  function restingTops(targets, heights, floor) {
    var blocks = [];
    for (var i = 0; i < targets.length; i++) {
      var block = { first: i, last: i, top: Math.max(floor, targets[i]), height: heights[i] };
      blocks.push(block);
      while (blocks.length > 1) {
        var b = blocks[blocks.length - 1];
        var a = blocks[blocks.length - 2];
        if (a.top + a.height + GAP <= b.top) break;
        blocks.pop();
        a.last = b.last;
        var offset = 0;
        var low = Infinity;
        var high = -Infinity;
        for (var j = a.first; j <= a.last; j++) {
          low = Math.min(low, targets[j] - offset);
          high = Math.max(high, targets[j] - offset);
          offset += heights[j] + GAP;
        }
        a.height = offset - GAP;
        a.top = Math.max(floor, (low + high) / 2);
      }
    }
    var tops = [];
    blocks.forEach(function (block) {
      var top = block.top;
      for (var k = block.first; k <= block.last; k++) {
        tops.push(top);
        top += heights[k] + GAP;
      }
    });
    return tops;
  }

  function placeSidenotes(text) {
    text.classList.add("na-sidenotes");
    var notes = Array.prototype.slice.call(text.querySelectorAll(".na-note"));
    var current = active();
    var activeNote = current ? noteOf(current) : null;
    notes.forEach(function (note) {
      note.classList.toggle("na-open", note === activeNote);
    });
    var origin = text.getBoundingClientRect().top;
    var title = text.parentNode.querySelector("h1");
    var floor = title ? title.getBoundingClientRect().bottom - origin + GAP : 0;
    var targets = notes.map(function (note) {
      var figure = figureOf(note);
      return figure ? figure.getBoundingClientRect().top - origin : 0;
    });
    var heights = notes.map(function (note) {
      return note.offsetHeight;
    });
    var tops = restingTops(targets, heights, floor);
    var a = notes.indexOf(activeNote);
    if (a >= 0) {
      // The open note level with its figure; its neighbours pushed away from it, no further.
      tops[a] = targets[a];
      for (var i = a + 1; i < notes.length; i++) {
        tops[i] = Math.max(tops[i], tops[i - 1] + heights[i - 1] + GAP);
      }
      for (var j = a - 1; j >= 0; j--) {
        tops[j] = Math.min(tops[j], tops[j + 1] - heights[j] - GAP);
      }
      var short = floor - tops[0];
      if (short > 0) {
        for (var k = 0; k < notes.length; k++) tops[k] += short;
      }
    }
    var bottom = 0;
    notes.forEach(function (note, n) {
      note.style.top = tops[n] + "px";
      bottom = Math.max(bottom, tops[n] + heights[n]);
    });
    text.style.minHeight = "";
    if (bottom > text.offsetHeight) text.style.minHeight = bottom + "px";
  }

  /* ---------- narrow screens: the note under its figure's line ---------- */

  function placePopover(text) {
    var current = state.selected;
    text.querySelectorAll(".na-note.na-popover").forEach(function (note) {
      if (!current || note !== noteOf(current)) {
        note.classList.remove("na-popover");
        note.style.top = "";
      }
    });
    text.querySelectorAll(".na-claim[aria-expanded]").forEach(function (figure) {
      figure.setAttribute("aria-expanded", figure === current ? "true" : "false");
    });
    if (!current) return;
    var note = noteOf(current);
    if (!note) return;
    var lines = current.getClientRects();
    var line = lines[lines.length - 1];
    note.classList.add("na-popover");
    note.style.top = line.bottom - text.getBoundingClientRect().top + 2 + "px";
  }

  /* ---------- putting it together ---------- */

  function layout(text) {
    text.classList.remove("na-sidenotes", "na-popovers");
    text.style.minHeight = "";
    text.querySelectorAll(".na-note").forEach(function (note) {
      note.style.top = "";
      note.classList.remove("na-popover", "na-open");
    });
    var figures = text.querySelectorAll(".na-claim");
    if (WIDE.matches) {
      figures.forEach(function (f) {
        f.removeAttribute("aria-expanded");
      });
      placeSidenotes(text);
    } else {
      figures.forEach(function (f) {
        f.setAttribute("aria-expanded", "false");
      });
      text.classList.add("na-popovers");
      placePopover(text);
    }
  }

  // Scroll as little as needed for the figure and its note to be entirely on screen.
  function reveal(figure) {
    var note = noteOf(figure);
    var top = headerBottom() + 8;
    var f = figure.getBoundingClientRect();
    var n = note ? note.getBoundingClientRect() : f;
    var first = Math.min(f.top, n.top);
    var last = Math.max(f.bottom, n.bottom);
    var by = 0;
    if (last > window.innerHeight - 8) by = last - window.innerHeight + 8;
    if (first - by < top) by = first - top;
    if (by) window.scrollBy({ top: by, behavior: "instant" });
  }

  function select(figure, show) {
    state.selected = figure;
    state.hovered = null;
    mark();
    relayout();
    if (figure && show) {
      state.hoverLocked = true;
      reveal(figure);
    }
  }

  function fromAddress(text) {
    var hash = decodeURIComponent(location.hash.slice(1));
    var match = /^(?:claim|note)-(.+)$/.exec(hash);
    var figure = match ? byId("claim-" + match[1]) : null;
    if (!figure || !text.contains(figure)) return;
    document.querySelectorAll(".na-targeted").forEach(function (e) {
      e.classList.remove("na-targeted");
    });
    figure.classList.add("na-targeted");
    select(figure, false);
    figure.scrollIntoView({ block: "center", behavior: "instant" });
    reveal(figure);
  }

  function setUp(text) {
    state.text = text;
    relayout = function () {
      layout(text);
    };
    var pointing = false; // a pointer is pressing: its click, not the focus, opens the note
    text.querySelectorAll(".na-note").forEach(function (note) {
      restingClaimant(note);
      addTools(note);
    });
    text.querySelectorAll(".na-claim").forEach(function (figure) {
      makeButton(figure);
      figure.addEventListener("pointerdown", function () {
        pointing = true;
      });
      figure.addEventListener("focus", function () {
        if (pointing) return;
        if (state.selected !== figure) select(figure, true);
      });
      figure.addEventListener("click", function () {
        pointing = false;
        if (!WIDE.matches && state.selected === figure) {
          select(null, false); // a second tap closes it
        } else {
          select(figure, true);
        }
      });
      figure.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          // Enter takes the keyboard into the note itself.
          var note = noteOf(figure);
          if (state.selected !== figure) select(figure, true);
          if (note) {
            note.setAttribute("tabindex", "-1");
            note.focus({ preventScroll: true });
          }
        }
      });
      figure.addEventListener("mouseenter", function () {
        if (!WIDE.matches || state.hoverLocked) return;
        clearTimeout(hoverTimer);
        if (state.hovered === figure) return;
        state.hovered = figure;
        mark();
        relayout();
      });
      figure.addEventListener("mouseleave", function () {
        if (!WIDE.matches) return;
        clearTimeout(hoverTimer);
        hoverTimer = setTimeout(function () {
          state.hovered = null;
          mark();
          relayout();
        }, HOVER_GRACE);
      });
    });
    text.querySelectorAll(".na-note").forEach(function (note) {
      note.addEventListener("mouseenter", function () {
        if (note.classList.contains("na-open")) clearTimeout(hoverTimer);
      });
      note.addEventListener("mouseleave", function () {
        if (state.hovered && noteOf(state.hovered) === note) {
          hoverTimer = setTimeout(function () {
            state.hovered = null;
            mark();
            relayout();
          }, HOVER_GRACE);
        }
      });
      // A link of a folded or resting note that takes the focus opens the note: no hidden tab stop.
      note.addEventListener("focusin", function () {
        var figure = figureOf(note);
        if (figure && state.selected !== figure) select(figure, false);
      });
    });
    var pointer = [0, 0];
    document.addEventListener("mousemove", function (event) {
      // Scrolling moves the page under the pointer, not the pointer on the screen.
      if (event.screenX !== pointer[0] || event.screenY !== pointer[1]) state.hoverLocked = false;
      pointer = [event.screenX, event.screenY];
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && active()) {
        var was = state.selected;
        select(null, false);
        if (was && document.activeElement && noteOf(was) && noteOf(was).contains(document.activeElement)) {
          was.focus({ preventScroll: true });
        }
      }
    });
    document.addEventListener("click", function (event) {
      pointing = false;
      if (!event.target.closest(".na-claim, .na-note") && state.selected) select(null, false);
    });
    window.addEventListener("hashchange", function () {
      fromAddress(text);
    });
    WIDE.addEventListener("change", relayout);
    window.addEventListener("resize", relayout);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(relayout);
    window.addEventListener("load", function () {
      relayout();
      fromAddress(text);
    });
    relayout();
    fromAddress(text);
  }

  // On paper: the addresses of links, and the page's own when the build did not know it.
  function preparePrint() {
    document.querySelectorAll(".na-print-source").forEach(function (line) {
      var address = line.querySelector(".na-print-source__address");
      if (address && !address.textContent) address.textContent = location.href.split("#")[0];
    });
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.closest(".na-chain, .na-verdict, .md-content__button")) return;
      var note = a.closest(".na-note");
      if (a.matches(".na-status, .headerlink") || (note && a === badgeOf(note))) return;
      a.setAttribute("data-print-href", a.href);
    });
  }

  /* ---------- the page's ClaimReviews ---------- */

  // The build writes what the page's ClaimReviews say alike once and each one's own part after it,
  // and leaves out what the page and its tables give (hooks/archive/export/page_reviews.py): each is
  // made whole again and written out as the JSON-LD block it is, for the search engines and tools
  // that read the page.
  function merge(common, own) {
    var out = {};
    Object.keys(common).forEach(function (key) {
      out[key] = common[key];
    });
    Object.keys(own).forEach(function (key) {
      var a = out[key], b = own[key];
      var objects = a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b);
      out[key] = objects ? merge(a, b) : b;
    });
    return out;
  }

  // A claimant's row: [schema.org type, name, role, affiliation, url] (claimreview.py, agent), in
  // which 0 stands for what the claim's note shows: its relay chain's first hop is the claimant's
  // name, linked, then ", " and its role, or failing that its affiliation's name.
  function agent(row, note) {
    var hop = note.querySelector(".na-chain li");
    var name = hop.firstChild.textContent;
    var described = hop.textContent.slice(name.length + 2);
    var shown = function (value, seen) {
      return value === 0 ? seen : value;
    };
    var person = row[0] === "Person", role = shown(row[2], described), affiliation = shown(row[3], described);
    var out = { "@type": row[0], name: shown(row[1], name) };
    if (role) out[person ? "jobTitle" : "description"] = role;
    if (affiliation) out[person ? "affiliation" : "parentOrganization"] = { "@type": "Organization", name: affiliation };
    if (row[4]) out.url = row[4];
    return out;
  }

  // The words around a figure, where the build found them in its paragraph: [from their start to
  // the figure's, their length, 1 if cut before + 2 if cut after], in UTF-16 units as JavaScript counts.
  function wordsAround(figure, place) {
    var paragraph = figure.parentNode;
    var before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEndBefore(figure);
    var start = before.toString().length - place[0];
    var words = paragraph.textContent.slice(start, start + place[1]).replace(/\s+/g, " ");
    return (place[2] & 1 ? "\u2026" : "") + words + (place[2] & 2 ? "\u2026" : "");
  }

  function claimReviews() {
    var data = byId("na-claimreviews");
    if (!data) return;
    var reviews = JSON.parse(data.textContent);
    // [claim id, claimReviewed, the author's row, the rest]: the id gives the review's address and
    // its note, whose status gives the rating.
    reviews.own.forEach(function (own) {
      var note = byId("note-" + own[0]);
      var review = merge(reviews.common, own[3] || {});
      review.url = reviews.page + "#claim-" + own[0];
      var status = note.getAttribute("data-status");
      var rating = { ratingValue: reviews.ratings[status], alternateName: badgeOf(note).textContent };
      review.reviewRating = merge(review.reviewRating, rating);
      review.claimReviewed = typeof own[1] === "string" ? own[1] : wordsAround(byId("claim-" + own[0]), own[1]);
      var item = (review.itemReviewed = merge(review.itemReviewed, { author: agent(reviews.agents[own[2]], note) }));
      // The claim's appearance on this page is written without its address, the page's.
      if (item.appearance) {
        item.appearance = item.appearance.map(function (appearance) {
          var bare = appearance["@type"] === "WebPage" && Object.keys(appearance).length === 1;
          return bare ? { "@type": "WebPage", url: reviews.page } : appearance;
        });
      }
      var block = document.createElement("script");
      block.type = "application/ld+json";
      block.textContent = JSON.stringify(review);
      document.head.appendChild(block);
    });
  }

  function start() {
    claimReviews();
    document.querySelectorAll(".na-article").forEach(verdictFigures);
    document.querySelectorAll(".na-text").forEach(figuresTable);
    preparePrint();
    document.querySelectorAll(".na-text").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
