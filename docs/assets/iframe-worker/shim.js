/* Web Workers for pages opened from disk (file://), for the archive's offline copy.
 *
 * Chromium refuses `new Worker()` under file://, and Material's search runs in a worker.
 * Like the npm package iframe-worker (by Martin Donath, MIT), which Material's offline plugin
 * would load from a CDN, this runs the worker script in a hidden iframe instead. Unlike it, the
 * iframe is a real file of the site (frame.html) and no inline script is ever written, so the
 * pages' Content-Security-Policy (script-src 'self' and hashes) holds. Messages go through a
 * MessageChannel that the frame opens, so neither side depends on the other's origin.
 * Over http(s) this file does nothing: real workers are used.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof MessageChannel === "undefined") return;

  var FRAME = new URL("frame.html", document.currentScript.src).href;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      this.onmessage = null;
      this.onerror = null;
      this.port = null;
      this.waiting = [];
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.setAttribute("aria-hidden", "true");
      this.iframe.src = FRAME + "#" + encodeURIComponent(new URL(url, location.href).href);
      this.hello = function (event) {
        if (event.source !== worker.iframe.contentWindow || !event.ports.length) return;
        if (!event.data || event.data.iframeWorker !== "ready") return;
        window.removeEventListener("message", worker.hello);
        worker.port = event.ports[0];
        worker.port.onmessage = function (message) {
          var data = message.data;
          if (data && data.iframeWorker === "error") {
            worker._emit(new ErrorEvent("error", { message: data.message, filename: url }), "onerror");
          } else {
            worker._emit(new MessageEvent("message", { data: data && data.data }), "onmessage");
          }
        };
        worker.waiting.forEach(function (data) {
          worker.port.postMessage(data);
        });
        worker.waiting = [];
      };
      window.addEventListener("message", this.hello);
      (document.body || document.documentElement).appendChild(this.iframe);
    }

    _emit(event, handler) {
      this.dispatchEvent(event);
      if (typeof this[handler] === "function") this[handler](event);
    }

    postMessage(data) {
      if (this.port) this.port.postMessage(data);
      else this.waiting.push(data);
    }

    terminate() {
      window.removeEventListener("message", this.hello);
      if (this.port) this.port.close();
      this.iframe.remove();
    }
  }

  window.Worker = FrameWorker;
})();
