/*
 * Tiến độ chuyển đổi số: the host page's embed script.
 *
 * Turns each <div class="tien-do-embed" data-src="…"> into an iframe, and
 * keeps every embed of this site (those iframes, and any
 * <iframe data-tien-do-embed>) as tall as its content. It listens for the
 * height messages the embed pages post (Datawrapper's "datawrapper-height"
 * format) and accepts one only when it comes from one of those iframes'
 * own windows, from the origin of that iframe's address. Everything else
 * on the page is left alone. Safe to include more than once.
 */
(function () {
  "use strict";
  if (window.__tienDoEmbed) {
    window.__tienDoEmbed.scan();
    return;
  }

  function origin(src) {
    try {
      return new URL(src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  function frames() {
    return Array.prototype.slice.call(
      document.querySelectorAll("iframe[data-tien-do-embed]")
    );
  }

  function scan() {
    var boxes = document.querySelectorAll("div.tien-do-embed[data-src]");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.querySelector("iframe")) return;
      var src = box.getAttribute("data-src");
      if (!origin(src)) return;
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = box.getAttribute("data-title") || "";
      frame.setAttribute("data-tien-do-embed", "");
      frame.setAttribute("loading", "lazy");
      frame.setAttribute("scrolling", "no");
      frame.style.cssText =
        "display:block;width:100%;max-width:100%;border:0;height:" +
        (parseInt(box.getAttribute("data-height"), 10) || 500) + "px";
      box.appendChild(frame);
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || !data["datawrapper-height"]) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (origin(frame.src) !== event.origin) return;
      var heights = data["datawrapper-height"];
      for (var id in heights) {
        var h = Number(heights[id]);
        if (isFinite(h) && h > 0 && h < 20000) {
          frame.style.height = Math.ceil(h) + "px";
        }
      }
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
