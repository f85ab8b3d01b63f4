/* global window, performance, Element, PerformanceObserver, MutationObserver, requestAnimationFrame, setTimeout */
/**
 * Init script: runs in the host page before any of its scripts (Playwright addInitScript).
 * Plain JavaScript, read as text, because tsx's helpers must not leak into the page.
 *
 * - Records what the Performance API reports: long tasks, layout shifts, and long animation
 *   frames with the scripts that ran in them (Chromium's LoAF attribution names each script).
 * - 'with': watches the moment the install script creates `window.Hearth` (the script tag
 *   executing), subscribes to Hearth's `ready`, and marks when the first widget has been painted.
 * - 'without': defines a no-op `window.Hearth` first; the snippet sees it and loads nothing, so
 *   the page is the same page minus Hearth (the 230-byte inline stub still runs and returns).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the line open-page.ts appends
function installHearthBench(variant) {
  var record = { longTasks: [], layoutShift: 0, loafScripts: [] };
  window.__hearthBench = record;
  [
    [
      'longtask',
      function (entry) {
        record.longTasks.push(entry.duration);
      },
    ],
    [
      'layout-shift',
      function (entry) {
        if (!entry.hadRecentInput) record.layoutShift += entry.value;
      },
    ],
    [
      'long-animation-frame',
      function (entry) {
        (entry.scripts || []).forEach(function (script) {
          record.loafScripts.push({ url: script.sourceURL, duration: script.duration, frame: entry.duration });
        });
      },
    ],
  ].forEach(function (pair) {
    try {
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(pair[1]);
      }).observe({ type: pair[0], buffered: true });
    } catch {
      // Entry type not supported by this browser: that figure stays empty.
    }
  });

  if (variant === 'without') {
    Object.defineProperty(window, 'Hearth', { value: function () {}, writable: false, configurable: false });
    return;
  }

  var hearth;
  Object.defineProperty(window, 'Hearth', {
    configurable: true,
    enumerable: true,
    get: function () {
      return hearth;
    },
    set: function (value) {
      if (hearth === undefined) {
        performance.mark('hearth:snippet');
        value('on', 'ready', function () {
          performance.mark('hearth:ready');
        });
      }
      hearth = value;
    },
  });

  // Widgets render into shadow roots (a floating launcher's, or an inline container's such as
  // <div data-hearth="checklist">). Rendering is synchronous, so the first mutation inside a
  // new shadow root is the widget on screen; the mark waits for the frame that paints it.
  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attachShadow.call(this, init);
    var observer = new MutationObserver(function () {
      observer.disconnect();
      requestAnimationFrame(function () {
        setTimeout(function () {
          if (!performance.getEntriesByName('hearth:widget').length) performance.mark('hearth:widget');
        }, 0);
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
}
