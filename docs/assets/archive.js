/* Annotated news archive: place each claim's note next to its figure.
 *
 * The page works without this script: notes stand after their paragraph.
 * Wide screens: notes move into the right margin, each level with its figure,
 * pushed down only as far as needed not to overlap the note above.
 * Narrow screens: tapping or focusing a figure shows its note right below it.
 */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 60em)");
  var GAP = 8;

  function noteFor(figure) {
    return document.getElementById("note-" + figure.getAttribute("data-claim"));
  }

  function clear(text) {
    text.classList.remove("na-sidenotes", "na-popovers");
    text.style.minHeight = "";
    text.querySelectorAll(".na-note").forEach(function (note) {
      note.style.top = "";
      note.classList.remove("na-popover");
    });
  }

  function placeSidenotes(text) {
    text.classList.add("na-sidenotes");
    var origin = text.getBoundingClientRect().top;
    var floor = 0;
    text.querySelectorAll(".na-note").forEach(function (note) {
      var figure = document.getElementById("claim-" + note.getAttribute("data-claim-note"));
      var top = figure ? figure.getBoundingClientRect().top - origin : floor;
      top = Math.max(top, floor);
      note.style.top = top + "px";
      floor = top + note.offsetHeight + GAP;
    });
    text.style.minHeight = floor + "px";
  }

  function showPopover(text, figure) {
    var note = noteFor(figure);
    if (!note) return;
    text.querySelectorAll(".na-popover").forEach(function (other) {
      if (other !== note) {
        other.classList.remove("na-popover");
        other.style.top = "";
      }
    });
    var origin = text.getBoundingClientRect().top;
    var below = figure.getBoundingClientRect().bottom - origin + 4;
    note.classList.add("na-popover");
    note.style.top = below + "px";
    var box = note.getBoundingClientRect();
    if (box.bottom > window.innerHeight || box.top < 0) {
      window.scrollBy({ top: box.bottom - window.innerHeight + GAP, behavior: "instant" });
    }
  }

  function hidePopovers(text) {
    text.querySelectorAll(".na-popover").forEach(function (note) {
      note.classList.remove("na-popover");
      note.style.top = "";
    });
  }

  function highlight(figure, on) {
    var note = noteFor(figure);
    figure.classList.toggle("na-active", on);
    if (note) note.classList.toggle("na-active", on);
  }

  function layout(text) {
    clear(text);
    if (WIDE.matches) {
      placeSidenotes(text);
    } else {
      text.classList.add("na-popovers");
    }
  }

  function setUp(text) {
    var figures = text.querySelectorAll(".na-claim");
    figures.forEach(function (figure) {
      figure.addEventListener("focus", function () {
        highlight(figure, true);
        if (!WIDE.matches) showPopover(text, figure);
      });
      figure.addEventListener("blur", function () {
        highlight(figure, false);
      });
      figure.addEventListener("click", function () {
        if (!WIDE.matches) showPopover(text, figure);
        highlight(figure, true);
      });
      figure.addEventListener("keydown", function (event) {
        // Enter takes the keyboard to the note itself.
        if (event.key === "Enter") {
          var note = noteFor(figure);
          if (note) {
            note.setAttribute("tabindex", "-1");
            note.focus();
          }
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hidePopovers(text);
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest(".na-claim, .na-note")) hidePopovers(text);
    });
    var again = function () {
      layout(text);
    };
    WIDE.addEventListener("change", again);
    window.addEventListener("resize", again);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(again);
    window.addEventListener("load", again);
    layout(text);
  }

  function start() {
    document.querySelectorAll(".na-text").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
