// The widget's visible parts, in a shadow root so the host site's CSS cannot break them (and
// theirs cannot break the site). Reading order: title and quick exit, note, language,
// conversation, status, message form.
import css from "./widget.css";
import { element, setText } from "./dom.js";
import { createLanguagePicker } from "./languagePicker.js";
import { createTranscript } from "./transcript.js";
import { directionOf } from "./languages.js";

function attachStyles(root) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch (error) {
    root.append(element("style", {}, css)); // older browsers
  }
}

export function createView({ mountAfter, container, title, language, strings, handlers }) {
  const host = element("div", { class: "companion-widget", "data-companion-widget": true });
  if (container) container.append(host);
  else if (mountAfter && mountAfter.parentNode && document.body.contains(mountAfter)) mountAfter.after(host);
  else document.body.append(host); // a tag in <head>: the widget goes at the end of the page
  const root = host.attachShadow({ mode: "open" });
  attachStyles(root);

  const heading = element("h2", { class: "cw-title" });
  const exitButton = element("button", { type: "button", class: "cw-exit" });
  exitButton.addEventListener("click", handlers.onQuickExit);
  const note = element("p", { class: "cw-note" });
  const hint = element("p", { class: "cw-hint" });
  const picker = createLanguagePicker({ strings, current: language, onChoose: handlers.onLanguage });
  const transcript = createTranscript({ strings, onChoose: handlers.onChoice });
  const status = element("p", { class: "cw-status", role: "status" });

  const input = element("input", {
    id: "cw-message",
    class: "cw-input",
    type: "text",
    dir: "auto",
    autocomplete: "off",
    enterkeyhint: "send",
  });
  const label = element("label", { for: "cw-message", class: "cw-label" });
  const sendButton = element("button", { type: "submit", class: "cw-send" });
  const form = element("form", { class: "cw-form" }, label, element("div", { class: "cw-row" }, input, sendButton));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    input.focus(); // keep typing where you were
    handlers.onSend(text);
  });

  const panel = element(
    "section",
    { class: "cw", "aria-labelledby": "cw-title" },
    element("div", { class: "cw-header" }, heading, exitButton),
    note,
    hint,
    picker.element,
    transcript.element,
    status,
    form,
  );
  heading.id = "cw-title";
  root.append(panel);

  let currentStrings = strings;
  let statusKey = null;

  function applyLanguage(code, newStrings) {
    currentStrings = newStrings;
    panel.setAttribute("lang", code);
    panel.setAttribute("dir", directionOf(code));
    setText(heading, title || newStrings.title);
    setText(exitButton, newStrings.quickExit);
    setText(note, newStrings.note);
    setText(hint, newStrings.quickExitHint);
    setText(label, newStrings.message);
    input.setAttribute("placeholder", newStrings.placeholder);
    form.setAttribute("aria-label", newStrings.messageForm);
    setText(sendButton, newStrings.send);
    picker.applyStrings(newStrings, code);
    transcript.applyStrings(newStrings);
    showStatus(statusKey);
  }

  function showStatus(key) {
    statusKey = key;
    setText(status, key ? currentStrings[key] : "");
  }

  /** Only a change is written: the live region must not repeat itself on every reconnect try. */
  function setStatus(key) {
    if (key !== statusKey) showStatus(key);
  }

  applyLanguage(language, strings);

  return {
    applyLanguage,
    setStatus,
    addUserMessage: transcript.addUserMessage,
    addBotMessage: transcript.addBotMessage,
    focusInput: () => input.focus(),
    /** Remove every trace of the conversation from the page, and hide the widget. */
    wipe() {
      transcript.clear();
      input.value = "";
      showStatus(null);
      host.hidden = true;
      host.style.display = "none";
    },
  };
}
