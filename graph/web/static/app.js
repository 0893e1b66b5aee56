// Leanpriset: enhancements only. Every page works without this script.
(function () {
  "use strict";
  function fmt(lang, n) { return n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"); }
  var lang = document.documentElement.lang;

  // Character counters on textareas with data-max.
  document.querySelectorAll("p.count[data-for]").forEach(function (p) {
    var ta = document.getElementById(p.getAttribute("data-for"));
    if (!ta) return;
    p.setAttribute("aria-live", "polite");
    var max = parseInt(ta.getAttribute("data-max"), 10);
    function update() {
      var n = Array.from(ta.value).length;
      var over = n > max;
      var pattern = p.getAttribute(over ? "data-over" : "data-left");
      var parts = [fmt(lang, over ? n - max : max - n), fmt(lang, max)];
      var i = 0;
      p.textContent = pattern.replace(/%s/g, function () { return parts[i++]; });
      p.classList.toggle("over", over);
    }
    ta.addEventListener("input", update);
    update();
  });

  // A warning before leaving a form with unsaved changes.
  document.querySelectorAll("form[data-unsaved]").forEach(function (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (e) {
      if (dirty) { e.preventDefault(); e.returnValue = ""; }
    });
  });

  // KPI search that fills a datalist as you type.
  document.querySelectorAll("input[list^=\"kpis-\"]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(function () {
        fetch("/kpis/search?q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            items.forEach(function (k) {
              var o = document.createElement("option");
              o.value = k.id;
              o.label = k.id + " – " + k.title;
              o.textContent = k.id + " – " + k.title;
              list.appendChild(o);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });

  // An upload (the secretariat's Kolada files) shows that it is under way
  // until the answer comes. (Here rather than in a script of its own: no
  // page needs more than the page, this script and the stylesheet.)
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var p = form.querySelector("[data-progress]");
      if (p) p.hidden = false;
      var b = form.querySelector("button[type=submit]");
      if (b) b.setAttribute("aria-disabled", "true");
    });
  });

  // Move focus to the error summary when a form comes back with errors.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
