/* Live filtering of the task list: fetch the results for the form's state, swap them in and keep the
   URL in step. Without JavaScript the form simply submits. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-filter]");
  var results = document.getElementById("task-results");
  if (!form || !results || !window.fetch) { return; }
  var timer = null;
  var pending = Promise.resolve();
  function update() {
    clearTimeout(timer);
    timer = null;
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) { params.delete(k); } });
    var url = form.action + (params.toString() ? "?" + params.toString() : "");
    pending = fetch(url, { headers: { "X-Requested-With": "fetch" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        results.outerHTML = html;
        results = document.getElementById("task-results");
        if (show) { show.textContent = results.getAttribute("data-show-results") || show.textContent; }
        window.history.replaceState(null, "", url);
        // "Gem søgningen" saves what is on screen now, not the search the page was loaded with.
        var saveForm = document.querySelector(".saved-search-form");
        if (saveForm) {
          var query = saveForm.querySelector("input[name='query']");
          params.delete("side");
          if (query) { query.value = params.toString(); }
          saveForm.hidden = !Array.from(params.keys()).some(function (k) { return k !== "sorter"; });
        }
      })
      .catch(function () { form.submit(); });
  }
  // On a phone the results are below the open filter panel: "Vis N opgaver" (the count of what the filters now
  // find) closes the panel and takes the person, and the focus, to the first result.
  var show = document.querySelector(".filter-show-results");
  if (show) {
    show.addEventListener("click", function () {
      if (timer !== null) { update(); }  // words typed a moment ago count too
      pending.then(function () {
        var panel = show.closest(".filter-panel");
        var toggle = panel && panel.querySelector(".filter-toggle");
        if (panel) { panel.classList.remove("is-open"); }
        if (toggle) { toggle.setAttribute("aria-expanded", "false"); }
        var target = results.querySelector("li a[href]") || results.querySelector(".results-count");
        if (target && !target.hasAttribute("href")) { target.setAttribute("tabindex", "-1"); }
        if (target) { target.focus(); target.scrollIntoView({block: "start"}); }
      });
    });
  }
  form.addEventListener("change", update);
  form.addEventListener("input", function (e) {
    if (e.target.type === "search" || e.target.type === "text") { clearTimeout(timer); timer = setTimeout(update, 400); }
  });
})();
