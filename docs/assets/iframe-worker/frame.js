/* The inside of shim.js's hidden iframe: a worker's global scope, made of a window.
 *
 * Loads the worker script named in the address's #fragment, then opens a MessageChannel to
 * the page: the page's messages arrive as "message" events here, and the worker's
 * postMessage() goes back through the channel.
 */
(function () {
  "use strict";
  var url = decodeURIComponent(location.hash.slice(1));
  var channel = new MessageChannel();
  var port = channel.port1;
  var page = window.parent;
  // A worker has no parent. (Material's worker probes `"IFrameWorker" in parent`, which throws
  // across origins, as every file:// frame is.) `parent` is [Replaceable]: this hides it here only.
  window.parent = undefined;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      // As in a worker, relative to the worker script's address.
      script.src = new URL(src, url).href;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("cannot load " + src));
      };
      document.head.appendChild(script);
    });
  }

  // What a worker script expects to find in its scope.
  window.postMessage = function (data) {
    port.postMessage({ iframeWorker: "message", data: data });
  };
  window.importScripts = function () {
    return Array.prototype.reduce.call(
      arguments,
      function (done, src) {
        return done.then(function () {
          return load(src);
        });
      },
      Promise.resolve()
    );
  };
  port.onmessage = function (event) {
    window.dispatchEvent(new MessageEvent("message", { data: event.data }));
  };

  if (!/^file:/.test(url)) return; // only a script of the offline copy itself
  load(url).then(
    function () {
      page.postMessage({ iframeWorker: "ready" }, "*", [channel.port2]);
    },
    function (error) {
      page.postMessage({ iframeWorker: "ready" }, "*", [channel.port2]);
      port.postMessage({ iframeWorker: "error", message: String(error && error.message) });
    }
  );
})();
