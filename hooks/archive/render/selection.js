/* A claim from a selection: under `mkdocs serve` only (hooks/archive/render/selection.py).
 *
 * Words selected in one paragraph of the archived text become the YAML block of a claim, to paste
 * under `claims:` of the article's claims file: a suggested id the file does not use yet, the quote
 * widened to whole words, `occurrence:` when the quote stands more than once, the figure's value
 * and unit when the words hold one figure, and claimant, status and note left to fill. The quote
 * matching below is that of hooks/archive/anchor/quotes.py, code unit for code unit: white space
 * runs match one space, typographic quotes and dashes their plain forms, and a match starts and ends
 * on word boundaries; the Chromium test pastes its blocks and runs `python -m hooks check` on them.
 * Nothing of the article becomes markup: the panel is built with textContent.
 */
(function () {
  "use strict";

  var source = document.getElementById("na-selection-data");
  var text = document.querySelector(".na-text[data-archived-text]");
  if (!source || !text) return;
  var data = JSON.parse(source.textContent);
  var body = data.body;
  var paragraphs = Array.prototype.filter.call(text.children, function (e) {
    return e.tagName === "P";
  });
  if (paragraphs.length !== data.paragraphs.length) return; // not the page this data describes

  // Python's str.isspace() (what `\s` and str.split() take as white space), not JavaScript's \s.
  var SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var SPACES = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  var PLAIN = { "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-" };
  var TYPOGRAPHIC = /[\u2018\u2019\u201c\u201d\u2013\u2014]/g;
  var WORD = /^[\p{L}\p{N}_]$/u; // Python's str.isalnum() or "_"
  var CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
  var INVISIBLE = /\p{Cf}/gu;

  // The character (code point) at i, and the one that ends at i.
  function at(s, i) {
    return i < s.length ? String.fromCodePoint(s.codePointAt(i)) : "";
  }
  function before(s, i) {
    if (i <= 0) return "";
    var low = s.charCodeAt(i - 1);
    if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
      var high = s.charCodeAt(i - 2);
      if (high >= 0xd800 && high <= 0xdbff) return s.slice(i - 2, i);
    }
    return s.charAt(i - 1);
  }
  function isWord(c) {
    return c !== "" && WORD.test(c);
  }

  // The body in matching form (quotes.Normalized), with each of its characters' offset in the body.
  function normalize(s) {
    var out = [];
    var origin = [];
    var inSpace = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (SPACE.test(c)) {
        if (!inSpace) {
          out.push(" ");
          origin.push(i);
        }
        inSpace = true;
      } else {
        out.push(PLAIN[c] || c);
        origin.push(i);
        inSpace = false;
      }
    }
    return { text: out.join(""), origin: origin };
  }
  var normalized = null; // made at the first selection

  function normalizeQuote(quote) {
    return quote.replace(TYPOGRAPHIC, function (c) { return PLAIN[c]; }).replace(SPACES, " ").replace(/^ | $/g, "");
  }

  // quotes.occurrences: the body offsets where the quote starts, every one on word boundaries.
  function occurrences(quote) {
    if (normalized === null) normalized = normalize(body);
    var needle = normalizeQuote(quote);
    var hay = normalized.text;
    var found = [];
    if (!needle) return found;
    var first = isWord(at(needle, 0));
    var last = isWord(before(needle, needle.length));
    for (var from = hay.indexOf(needle); from !== -1; from = hay.indexOf(needle, from + 1)) {
      var end = from + needle.length;
      var clean = !(first && isWord(before(hay, from))) && !(last && isWord(at(hay, end)));
      if (clean) found.push(normalized.origin[from]);
    }
    return found;
  }

  // A point of the selection as an offset in the paragraph's text (what the page shows of it).
  function offsetIn(p, node, offset) {
    var range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  // An offset in a paragraph's shown text as an offset in the body: the page shows CR LF as LF.
  function toBody(index, shown) {
    var start = data.paragraphs[index][0];
    var end = data.paragraphs[index][1];
    var i = start;
    if (body.slice(start, end).indexOf("\r") === -1) return start + shown;
    for (var k = 0; k < shown && i < end; k++) i += body.charAt(i) === "\r" && body.charAt(i + 1) === "\n" ? 2 : 1;
    return i;
  }

  // The other way: an offset in the body as a point (text node, offset) of the paragraph.
  function pointAt(index, offset) {
    var start = data.paragraphs[index][0];
    var shown = 0;
    for (var i = start; i < offset; shown++) i += body.charAt(i) === "\r" && body.charAt(i + 1) === "\n" ? 2 : 1;
    var walker = document.createTreeWalker(paragraphs[index], NodeFilter.SHOW_TEXT);
    var node;
    var last = null;
    while ((node = walker.nextNode())) {
      if (shown <= node.data.length) return [node, shown];
      shown -= node.data.length;
      last = node;
    }
    return last ? [last, last.data.length] : null;
  }

  // The selection as [start, end) of the body, within one paragraph: {start, end} or {problem}.
  function selected(range) {
    var hit = null;
    for (var n = 0; n < paragraphs.length; n++) {
      var p = paragraphs[n];
      if (!range.intersectsNode(p)) continue;
      var whole = document.createRange();
      whole.selectNodeContents(p);
      var shown = p.textContent;
      var a = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0 ? 0 : offsetIn(p, range.startContainer, range.startOffset);
      var b = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0 ? shown.length : offsetIn(p, range.endContainer, range.endOffset);
      if (!shown.slice(a, b).trim()) continue;
      if (hit) return { problem: data.messages.crosses };
      hit = { start: toBody(n, a), end: toBody(n, b), paragraph: n };
    }
    return hit;
  }

  // Whole words: a selection that starts or ends inside a word takes all of it; no white space at the ends.
  function widen(span) {
    var limit = data.paragraphs[span.paragraph];
    var s = span.start;
    var e = span.end;
    while (s > limit[0] && isWord(at(body, s)) && isWord(before(body, s))) s -= before(body, s).length;
    while (e < limit[1] && isWord(before(body, e)) && isWord(at(body, e))) e += at(body, e).length;
    while (s < e && SPACE.test(body.charAt(s))) s++;
    while (e > s && SPACE.test(body.charAt(e - 1))) e--;
    return { start: s, end: e };
  }

  function suggestedId(quote) {
    var ascii = quote.normalize("NFKD").replace(/[\u2019']/g, "").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    var words = ascii.match(/[a-z0-9]+/g) || [];
    var id = "";
    for (var i = 0; i < words.length; i++) {
      if (id.length + words[i].length + 1 > 40) break;
      id = id ? id + "-" + words[i] : words[i];
    }
    if (id.length < 3) id = id ? "claim-" + id : "claim";
    var used = {};
    data.ids.forEach(function (known) { used[known] = true; });
    var base = id;
    for (var n = 2; used[id]; n++) id = base + "-" + n;
    return id;
  }

  // A YAML double-quoted scalar on one line (importer._yaml_string): JSON's, with YAML's other line breaks escaped.
  function yamlString(value) {
    return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function codes(found) {
    var seen = {};
    (found || []).forEach(function (c) { seen["U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")] = true; });
    return Object.keys(seen).sort().join(", ");
  }

  function figureLine(span) {
    var inside = data.figures.filter(function (f) { return span.start <= f.start && f.end <= span.end; });
    if (inside.length !== 1 || inside[0].value === null) return null;
    var figure = inside[0];
    var unit = "";
    figure.units.forEach(function (u) { if (u[0] <= span.end) unit = u[1]; });
    unit = [figure.prefix, unit].filter(Boolean).join(" ");
    return "    figure: {value: " + figure.value + (unit ? ", unit: " + yamlString(unit) : "") + "}";
  }

  // The YAML block for the selected span of the body, as lines, and the problems that would stop `check`.
  function block(span) {
    var quote = body.slice(span.start, span.end).replace(SPACES, " ");
    var problems = [];
    var control = quote.match(CONTROL);
    var invisible = quote.match(INVISIBLE);
    if (control) problems.push(data.messages.control.replace("{characters}", codes(control)));
    else if (invisible) problems.push(data.messages.invisible.replace("{characters}", codes(invisible)));
    data.claims.forEach(function (claim) {
      if (claim[0] < span.end && span.start < claim[1]) problems.push(claim[2]);
    });
    var starts = occurrences(quote);
    var lines = ["  - id: " + suggestedId(quote), "    quote: " + yamlString(quote)];
    if (starts.length > 1) {
      var nth = starts.indexOf(span.start) + 1;
      lines.push("    occurrence: " + nth + "    # the quote stands " + starts.length + " times");
    }
    var claimants = data.claimants.join(", ") + (data.more_claimants ? ", … (" + data.more_claimants + " more)" : "");
    lines.push("    claimant:    # who made it: " + claimants);
    lines.push("    via: []    # who relayed it, from the claimant towards the outlet");
    var figure = figureLine(span);
    if (figure) lines.push(figure);
    lines.push("    status:    # " + data.statuses.join(", "));
    lines.push("    note:    # what is known about it (inline Markdown)");
    return { lines: lines, problems: problems };
  }

  // ---------- the panel ----------
  var panel = null;
  var shownFor = "";
  // The selection whose panel Escape closed: a selectionchange that follows (the focus given back,
  // say) must not open it again; selecting with the mouse again does.
  var dismissed = "";

  function element(tag, className, content) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (content) e.textContent = content;
    return e;
  }

  function close(restore) {
    if (!panel) return;
    var had = panel.contains(document.activeElement);
    panel.remove();
    panel = null;
    shownFor = "";
    if (had && restore && restore.focus) restore.focus({ preventScroll: true });
  }

  function copy(value, status) {
    function done() { status.textContent = "Copied."; }
    function fallback() {
      var area = element("textarea");
      area.value = value;
      area.setAttribute("readonly", "");
      area.className = "na-pick__scratch";
      panel.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      status.textContent = ok ? "Copied." : "Select the block and copy it (Ctrl+C).";
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).then(done, fallback);
    else fallback();
  }

  function show(range, result) {
    close();
    var rect = range.getBoundingClientRect();
    var anchor = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentNode;
    var paragraph = anchor.closest(".na-text > p") || paragraphs[paragraphs.length - 1];
    panel = element("section", "na-pick");
    panel.setAttribute("aria-label", "Claim from the selection");
    var head = element("p", "na-pick__head");
    head.appendChild(element("strong", "", "Claim from the selection"));
    head.appendChild(document.createTextNode(" — paste under "));
    head.appendChild(element("code", "", "claims:"));
    head.appendChild(document.createTextNode(" in "));
    head.appendChild(element("code", "", data.sidecar));
    panel.appendChild(head);
    var value = "";
    if (result.problem) {
      panel.appendChild(element("p", "na-pick__problem", result.problem));
    } else {
      result.problems.forEach(function (problem) { panel.appendChild(element("p", "na-pick__problem", problem)); });
      value = result.lines.join("\n") + "\n";
      var pre = element("pre", "na-pick__yaml");
      var code = pre.appendChild(element("code", "", value));
      code.tabIndex = 0; // it scrolls (Material's code blocks do): reachable by keyboard
      panel.appendChild(pre);
    }
    var bar = element("p", "na-pick__bar");
    var status = element("span", "na-pick__status");
    status.setAttribute("role", "status");
    if (value) {
      var button = element("button", "na-pick__copy", "Copy");
      button.type = "button";
      button.addEventListener("click", function () { copy(value, status); });
      bar.appendChild(button);
    }
    var dismiss = element("button", "na-pick__close", "Close");
    dismiss.type = "button";
    dismiss.addEventListener("click", function () { close(paragraph); });
    bar.appendChild(dismiss);
    bar.appendChild(status);
    panel.appendChild(bar);
    // After the paragraph in the document (next in the tab order), drawn under the selection.
    paragraph.insertAdjacentElement("afterend", panel);
    place(rect);
    panel.scrollIntoView({ block: "nearest" }); // only as far as needed to show it whole
    // Said once the status is in the page, so that screen readers announce it; a hint for the keyboard too.
    var shown = panel;
    setTimeout(function () {
      if (panel === shown && !status.textContent) status.textContent = value ? "Press Tab to reach Copy." : "";
    }, 100);
  }

  function place(rect) {
    var parent = panel.offsetParent || document.body;
    var box = parent.getBoundingClientRect();
    var width = Math.min(panel.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    panel.style.top = rect.bottom - box.top + parent.scrollTop + 8 + "px";
    panel.style.left = left - box.left + "px";
  }

  // released: the mouse let go of a finished selection (it may then be widened on the page; a
  // selection that keys or a finger are still extending is left as it is).
  function update(released) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (panel && panel.contains(range.commonAncestorContainer)) return; // selecting the block itself
    if (!text.contains(range.commonAncestorContainer) && !range.intersectsNode(text)) return;
    var span = selected(range);
    if (!span) return;
    var result;
    if (span.problem) {
      result = { problem: span.problem };
    } else {
      var paragraph = span.paragraph;
      span = widen(span);
      if (span.end <= span.start) return;
      result = block(span);
      // Show the words quoted: the selection widened to them.
      var from = released && pointAt(paragraph, span.start);
      var to = released && pointAt(paragraph, span.end);
      if (from && to) {
        range = document.createRange();
        range.setStart(from[0], from[1]);
        range.setEnd(to[0], to[1]);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
    var key = span.problem || span.start + ":" + span.end;
    if (key === shownFor && panel) return;
    if (key === dismissed && !released) return;
    dismissed = "";
    show(range, result);
    shownFor = key;
  }

  // Once the selection rests: the mouse released, or a pause of the keys (shift and arrows with caret
  // browsing, or a script's selection). Never during a drag, whose selection is not yet made.
  var waiting = 0;
  var dragging = false;
  var releasedSince = false; // a selectionchange queued after the mouseup must not forget it
  function later(released) {
    releasedSince = releasedSince || released;
    clearTimeout(waiting);
    waiting = setTimeout(function () {
      var was = releasedSince;
      releasedSince = false;
      update(was);
    }, 250);
  }
  document.addEventListener("selectionchange", function () {
    if (!dragging) later(false);
  });
  document.addEventListener("mousedown", function (event) {
    if (panel && panel.contains(event.target)) return;
    dragging = true;
    if (panel && !text.contains(event.target)) close();
  });
  document.addEventListener("mouseup", function () {
    if (!dragging) return;
    dragging = false;
    later(true);
  });
  document.addEventListener("keydown", function (event) {
    if (!panel) return;
    if (event.key === "Escape") {
      dismissed = shownFor;
      close(panel.previousElementSibling);
      return;
    }
    // Tab from the selection goes to the panel: with caret browsing the focus would start from the
    // top of the page, and after a click from where it was, before any figure later in the paragraph.
    var selection = window.getSelection();
    if (event.key === "Tab" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey &&
        !panel.contains(document.activeElement) && selection && !selection.isCollapsed &&
        text.contains(selection.anchorNode)) {
      event.preventDefault();
      panel.querySelector("button").focus();
    }
  });
})();
