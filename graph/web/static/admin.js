// Leanpriset, the secretariat's pages: enhancements only. Every page
// works without this script.
(function () {
  "use strict";
  // An upload shows that it is under way until the answer comes.
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var p = form.querySelector("[data-progress]");
      if (p) p.hidden = false;
      var b = form.querySelector("button[type=submit]");
      if (b) b.setAttribute("aria-disabled", "true");
    });
  });
})();
