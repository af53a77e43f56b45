// Keywords as tags: redraw the chips under each keyword box as the archivist types.
"use strict";
(function () {
  function split(text) {
    const seen = new Set();
    const words = [];
    for (const part of text.split(/[,;\n]/)) {
      const word = part.trim().replace(/\s+/g, " ");
      if (word && !seen.has(word.toLowerCase())) {
        seen.add(word.toLowerCase());
        words.push(word);
      }
    }
    return words;
  }
  function redraw(input) {
    const chips = input.parentElement.querySelector(".keyword-chips");
    if (!chips) return;
    chips.replaceChildren(...split(input.value).map((word) => {
      const chip = document.createElement("li");
      chip.className = "keyword-chip";
      chip.textContent = word;
      return chip;
    }));
  }
  document.addEventListener("input", (event) => {
    if (event.target.matches("input.keyword-input")) redraw(event.target);
  });
})();
