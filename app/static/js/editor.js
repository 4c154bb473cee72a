// The post editor: a small rich-text area that writes the HTML subset the
// sanitiser keeps, and autosave. Without JavaScript the plain textarea works.
"use strict";
(() => {
  const form = document.querySelector("form.editor-form");
  if (!form) return;
  const source = form.querySelector("textarea.editor-source");
  const area = form.querySelector(".editor-area");
  const toolbar = form.querySelector(".editor-toolbar");
  const status = form.querySelector(".autosave-status");
  const version = form.querySelector("input[name=version]");

  // Rich text: show the editable area, keep the textarea as the value sent.
  if (source && area && toolbar && document.execCommand) {
    area.innerHTML = source.value;
    // Enter starts a <p> (Chromium's default is a <div>, which is not kept).
    document.execCommand("defaultParagraphSeparator", false, "p");
    source.hidden = true;
    area.hidden = false;
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-command]");
      if (!button) return;
      area.focus();
      document.execCommand(button.dataset.command, false, button.dataset.value || null);
      sync();
    });
    area.addEventListener("input", sync);
    area.addEventListener("paste", (event) => {
      // Paste as plain text: formatting from elsewhere is not ours to keep.
      event.preventDefault();
      const text = (event.clipboardData || window.clipboardData).getData("text/plain");
      document.execCommand("insertText", false, text);
    });
  }

  function sync() {
    if (area && !area.hidden) source.value = area.innerHTML;
    changed = true;
  }

  let changed = false;
  let saving = false;
  // Nothing is kept in the browser's storage: on a shared device, what someone
  // wrote about their mental health must not stay behind. The page keeps the text
  // and autosave tries again every 10 seconds.
  form.addEventListener("input", () => { changed = true; });

  function token() {
    const meta = document.querySelector("meta[name=csrf-token]");
    return meta ? meta.content : "";
  }

  async function autosave() {
    if (!changed || saving) return;
    saving = true;
    changed = false;
    sync();
    changed = false;
    const body = new FormData(form);
    body.delete("save"); body.delete("send"); body.delete("preview");
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST", body, headers: { "X-CSRFToken": token(), "Accept": "application/json" },
        credentials: "same-origin",
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error || response.status);
      if (version) version.value = answer.version;
      if (answer.edit_url) {
        // The first save created the post: from now on we edit it.
        form.action = answer.edit_url;
        form.dataset.autosaveUrl = answer.autosave_url;
        history.replaceState(null, "", answer.edit_url);
      }
      status.textContent = form.dataset.savedText + " " + new Date().toLocaleTimeString();
    } catch (error) {
      changed = true;
      status.textContent = form.dataset.failedText;
    } finally {
      saving = false;
    }
  }

  setInterval(autosave, 10000);
  form.addEventListener("submit", sync);
})();
