// Tilshi web page: a little plain JavaScript, progressive only (every page works without it).
"use strict";
document.documentElement.classList.add("js"); // lets CSS and the browser test know the script ran
document.addEventListener("DOMContentLoaded", () => {
  // Legend buttons toggle the highlighting of one entity type in the document view.
  for (const button of document.querySelectorAll(".legend button[data-label]")) {
    button.addEventListener("click", () => {
      const on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      for (const mark of document.querySelectorAll(`.doc-text .ent[data-label="${CSS.escape(button.dataset.label)}"]`)) {
        mark.classList.toggle("dim", !on);
      }
    });
  }
  // Pointing at a mention outlines every mention of the same entity.
  const text = document.querySelector(".doc-text");
  if (text) {
    const focus = (key, on) => {
      if (!key) return;
      for (const mark of text.querySelectorAll(`.ent[data-key="${CSS.escape(key)}"]`)) mark.classList.toggle("focus", on);
    };
    text.addEventListener("mouseover", (event) => { const m = event.target.closest(".ent"); if (m) focus(m.dataset.key, true); });
    text.addEventListener("mouseout", (event) => { const m = event.target.closest(".ent"); if (m) focus(m.dataset.key, false); });
    // The same for keyboard users: focusing a linked mention outlines the others (not a hover-only effect).
    text.addEventListener("focusin", (event) => { const m = event.target.closest(".ent"); if (m) focus(m.dataset.key, true); });
    text.addEventListener("focusout", (event) => { const m = event.target.closest(".ent"); if (m) focus(m.dataset.key, false); });
  }
  // The entity filter box narrows the list as you type.
  const filter = document.querySelector("input[data-filter]");
  if (filter) {
    const items = document.querySelectorAll(filter.dataset.filter);
    filter.addEventListener("input", () => {
      const needle = filter.value.trim().toLocaleLowerCase("kk");
      for (const item of items) item.hidden = needle !== "" && !item.textContent.toLocaleLowerCase("kk").includes(needle);
    });
  }
});
