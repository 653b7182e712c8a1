/*
 * Tiến độ chuyển đổi số: the host page's embed script.
 *
 * Turns each <div class="tien-do-embed" data-src="…"> into an iframe, and
 * keeps every embed of this site (those iframes, and any
 * <iframe data-tien-do-embed>) as tall as its content. It listens for the
 * height messages the embed pages post (Datawrapper's "datawrapper-height"
 * format) and accepts one only when it comes from the window of one of
 * those iframes and from this script's own site. Only addresses on this
 * script's own site are ever put in a frame. Safe to include more than once.
 */
(function () {
  "use strict";
  if (window.__tienDoEmbed) {
    window.__tienDoEmbed.scan();
    return;
  }
  // The site this script comes from: the only one it frames or listens to.
  var script = document.currentScript;
  var home = originOf(script && script.src);
  if (!home) return;

  function originOf(src) {
    try {
      var url = new URL(src, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
    } catch (e) {
      return null;
    }
  }

  function scan() {
    var boxes = document.querySelectorAll("div.tien-do-embed[data-src]");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.querySelector("iframe")) return;
      var src = box.getAttribute("data-src");
      if (originOf(src) !== home) return;
      var frame = document.createElement("iframe");
      frame.src = new URL(src, document.baseURI).href;
      frame.title = box.getAttribute("data-title") || "";
      frame.setAttribute("data-tien-do-embed", "");
      frame.setAttribute("loading", "lazy");
      frame.setAttribute("scrolling", "no");
      var h = parseInt(box.getAttribute("data-height"), 10);
      frame.style.cssText =
        "display:block;width:100%;max-width:100%;border:0;height:" +
        (h > 0 && h < 20000 ? h : 500) + "px";
      box.appendChild(frame);
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== home) return;
    var data = event.data;
    if (!data || typeof data !== "object") return;
    var heights = data["datawrapper-height"];
    if (!heights || typeof heights !== "object") return;
    var frames = document.querySelectorAll("iframe[data-tien-do-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== home) continue;
      Object.keys(heights).forEach(function (id) {
        var h = heights[id];
        if (typeof h === "number" && isFinite(h) && h > 0 && h < 20000) {
          frame.style.height = Math.ceil(h) + "px";
        }
      });
      return;
    }
  });

  window.__tienDoEmbed = { scan: scan };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
