// The import review's bulk decisions on claim candidates: drop those without a figure (a
// quote's opinion, a menu's line), drop all, accept all. Each only sets the radio buttons
// the archivist can still change one by one; nothing is saved until "Save article".
(function () {
  "use strict";
  var bar = document.querySelector(".import-bulk");
  if (!bar) { return; }
  var status = bar.querySelector(".import-bulk-status");
  function candidates() { return [].slice.call(document.querySelectorAll("fieldset.import-claim")); }
  function decide(fieldset, value) {
    var radio = fieldset.querySelector('input[type=radio][name$="-decision"][value="' + value + '"]');
    if (radio && !radio.checked) { radio.checked = true; return 1; }
    return 0;
  }
  function hasFigure(fieldset) {
    var figure = fieldset.querySelector('input[name$="-figure"]');
    return Boolean(figure && figure.value.trim());
  }
  function say(changed, what) {
    status.textContent = changed + " candidate" + (changed === 1 ? "" : "s") + " " + what + ".";
  }
  bar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var changed = 0;
    if (button.hasAttribute("data-accept-claims")) {
      candidates().forEach(function (fieldset) { changed += decide(fieldset, "accept"); });
      say(changed, "set to Accept");
      return;
    }
    var onlyFigureless = button.getAttribute("data-drop-claims") === "figureless";
    candidates().forEach(function (fieldset) {
      if (!onlyFigureless || !hasFigure(fieldset)) { changed += decide(fieldset, "drop"); }
    });
    say(changed, "set to Drop");
  });
  bar.hidden = false;
})();
