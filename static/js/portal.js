/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  if (window.DKFDS && typeof window.DKFDS.init === "function") {
    try { window.DKFDS.init(); } catch (e) { /* the page still works without DKFDS' scripts */ }
  }
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
