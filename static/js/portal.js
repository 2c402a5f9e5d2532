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
  // Filters folded on phones (<details data-fold-below="768" open>): closed when the screen is narrow, so the
  // results come first; open without JavaScript and on wider screens.
  document.querySelectorAll("details[data-fold-below]").forEach(function (details) {
    var below = parseInt(details.getAttribute("data-fold-below"), 10) || 768;
    if (window.innerWidth < below) { details.open = false; }
    window.addEventListener("resize", function () {
      if (window.innerWidth >= below) { details.open = true; }  // the button is hidden on wide screens
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
