// Accessible names the admin's own widgets leave out: the autocomplete boxes (select2) take
// their field's label, the date and time halves of a date-time field say which is which, and
// a table inline's cells carry their column's heading (shown above each field on a phone).
(function () {
  "use strict";
  function labelText(id) {
    var label = id && document.querySelector('label[for="' + id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }
  function nameAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var name = labelText(select.id) || select.name;
      var box = select.nextElementSibling;
      if (!box) { return; }
      box.querySelectorAll('[role="combobox"], .select2-selection__rendered').forEach(function (el) {
        if (!el.getAttribute("aria-label")) { el.setAttribute("aria-label", name); }
      });
    });
  }
  function nameDateTimes(root) {
    root.querySelectorAll("p.datetime").forEach(function (p) {
      var inputs = p.querySelectorAll("input");
      var base = "";
      if (inputs[0]) { base = labelText(inputs[0].id.replace(/_0$/, "")) || labelText(inputs[0].id); }
      if (inputs[0] && !inputs[0].getAttribute("aria-label")) { inputs[0].setAttribute("aria-label", (base + " date").trim()); }
      if (inputs[1] && !inputs[1].getAttribute("aria-label")) { inputs[1].setAttribute("aria-label", (base + " time").trim()); }
    });
  }
  function nameTableCells(root) {
    // A tabular inline's inputs are labelled by their column's heading, and each cell carries
    // it as data-label, which a phone shows above the field (admin.css: a card per row).
    root.querySelectorAll(".tabular table").forEach(function (table) {
      var headings = table.querySelectorAll("thead th");
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          var heading = headings[index];
          var name = heading ? heading.textContent.trim() : "";
          if (!name) { return; }
          if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && !cell.hasAttribute("colspan")) {
            cell.setAttribute("data-label", name);
          }
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
            if (field.getAttribute("aria-label") || (field.id && document.querySelector('label[for="' + field.id + '"]'))) { return; }
            field.setAttribute("aria-label", name);
          });
        });
      });
    });
  }
  function run() { nameAutocompletes(document); nameDateTimes(document); nameTableCells(document); }
  window.addEventListener("load", function () {
    run();
    // select2 draws its boxes after load, and inlines add rows later.
    new MutationObserver(run).observe(document.body, { childList: true, subtree: true });
  });
}());
