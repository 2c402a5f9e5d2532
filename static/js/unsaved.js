/* Forms marked data-warn-unsaved: ask before the person leaves the page with input that is not saved.
   Progressive enhancement only: without JavaScript every link to another step is a button that saves first. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-warn-unsaved]").forEach(function (form) {
    var dirty = false;
    var mark = function () { dirty = true; };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    // Buttons outside the form (form="…") submit it too: a submit saves, so nothing is lost.
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) { return undefined; }
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show their own warning
      return "";
    });
  });
})();
