// Other people's annotation clients, bundled by esbuild for tests/browser/test_annotation_clients.py
// (never loaded by the site): Apache Annotator's exact TextQuoteSelector matcher and
// dom-anchor-text-position's TextPositionSelector reader, as window.annotationClients.
import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import * as textPosition from "dom-anchor-text-position";

window.annotationClients = {
  // Every range of the page where the selector matches exactly, as text and as the element it starts in.
  async quoteMatches(selector) {
    const found = [];
    for await (const range of createTextQuoteSelectorMatcher(selector)(document.body)) {
      const start = range.startContainer.nodeType === 3 ? range.startContainer.parentElement : range.startContainer;
      found.push({ text: range.toString(), claim: start.closest(".na-claim")?.id.replace(/^claim-/, "") ?? null });
    }
    return found;
  },
  positionText(selector) {
    return textPosition.toRange(document.body, selector).toString();
  },
};
