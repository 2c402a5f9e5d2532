/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    try { window.DKFDS.init(); } catch (e) { /* the page still works without DKFDS' scripts */ }
  }
  // Phone menu: DKFDS opens and closes the drawer (focus to "Luk", Tab kept inside, Escape closes);
  // here it is announced as a dialog and the menu button says whether it is open.
  var drawer = document.getElementById("mobile-drawer");
  var opener = document.querySelector(".js-menu-open");
  if (drawer && opener) {
    drawer.setAttribute("role", "dialog");
    drawer.setAttribute("aria-modal", "true");
    drawer.setAttribute("aria-labelledby", "menu-heading");
    var sync = function () {
      opener.setAttribute("aria-expanded", drawer.classList.contains("is-visible") ? "true" : "false");
    };
    new MutationObserver(sync).observe(drawer, {attributes: true, attributeFilter: ["class"]});
    sync();
  }
  // A table wider than the screen scrolls in its box: let keyboard users reach and scroll the box too.
  var markScrollingTables = function () {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  };
  markScrollingTables();
  window.addEventListener("resize", markScrollingTables);
  // Filter panels (.filter-panel): portal.css folds them on phones from the first paint, so nothing moves when this
  // runs; the button opens and closes them. Open without JavaScript, and always on wider screens.
  document.querySelectorAll(".filter-panel").forEach(function (panel) {
    var toggle = panel.querySelector(".filter-toggle");
    if (!toggle) { return; }
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", panel.classList.toggle("is-open") ? "true" : "false");
    });
  });
  // Reload pages that wait for a document (PDF) until it is ready.
  var waiting = document.querySelector("[data-refresh-seconds]");
  if (waiting) {
    var seconds = parseInt(waiting.getAttribute("data-refresh-seconds"), 10) || 3;
    window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }
  // Forms marked data-autosubmit submit themselves when a control changes (live filtering).
  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.addEventListener("change", function () {
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    });
  });
})();
