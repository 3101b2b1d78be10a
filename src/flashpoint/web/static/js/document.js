// Hovering a highlighted span lights every span of the same record, and its list entry.
(function () {
  "use strict";
  var marks = document.querySelectorAll("mark.evidence");
  function lit(records, on) {
    marks.forEach(function (m) {
      var mine = m.dataset.records.split(" ");
      if (records.some(function (r) { return mine.indexOf(r) >= 0; })) m.classList.toggle("lit", on);
    });
    records.forEach(function (r) {
      var li = document.getElementById("rec-" + r);
      if (li) li.classList.toggle("lit", on);
    });
  }
  marks.forEach(function (m) {
    var records = m.dataset.records.split(" ");
    m.addEventListener("mouseenter", function () { lit(records, true); });
    m.addEventListener("mouseleave", function () { lit(records, false); });
  });
  document.querySelectorAll(".records-list li").forEach(function (li) {
    var id = li.id.replace(/^rec-/, "");
    li.addEventListener("mouseenter", function () { lit([id], true); });
    li.addEventListener("mouseleave", function () { lit([id], false); });
  });
})();
