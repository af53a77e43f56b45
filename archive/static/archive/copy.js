// Copy buttons: a button.copy-button copies the text of the element its data-copy names
// (an id), or else of the element just before it, and says so for a moment.
(function () {
  "use strict";
  function target(button) {
    var id = button.getAttribute("data-copy");
    return (id && document.getElementById(id)) || button.previousElementSibling;
  }
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return fallback(text);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy-button");
    if (!button) { return; }
    var source = target(button);
    if (!source) { return; }
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    copy(source.textContent.trim()).then(function () {
      button.textContent = "Copied";
      button.classList.add("copied");
    }, function () {
      button.textContent = "Select and copy";
    });
    window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 2000);
  });
}());
