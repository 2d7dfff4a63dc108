/*
 * maig-widgets: resizes the page's maig-widgets embed iframes to their content.
 * Add once to the host page (a classic script, no configuration):
 *   <script src="https://YOUR-CDN/maig-widgets/dist/embed/resize.js" async></script>
 * It listens for { type: 'maig-widgets:height', height } messages, accepts only a number in a sane
 * range, and applies it only to the iframe whose window sent it.
 */
(function () {
  'use strict';
  /** The flag that keeps a second copy of this script from listening twice. */
  var w = /** @type {Window & { maigWidgetsResize?: boolean }} */ (window);
  if (w.maigWidgetsResize) return;
  w.maigWidgetsResize = true;
  var MIN = 40;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'maig-widgets:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < MIN || height > MAX) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      frames[i].style.height = Math.ceil(height) + 'px';
      frames[i].setAttribute('height', String(Math.ceil(height)));
      return;
    }
  });
  // Frames that rendered before this script ran send their height again.
  function ping() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try {
        var frame = frames[i].contentWindow;
        if (frame) frame.postMessage({ type: 'maig-widgets:ping' }, '*');
      } catch (e) {
        /* a frame without a window yet */
      }
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ping);
  else ping();
})();
