// The conversation: a role="log" live region, so a screen reader reads each new message once,
// politely. Buttons and quick replies are real <button>s; a chosen reply is shown as the
// person's own message. Links in bot text are not turned into links (v1): text stays text.
import { element, setText } from "./dom.js";

function choicesOf(message) {
  const list = Array.isArray(message.quick_replies) && message.quick_replies.length
    ? message.quick_replies
    : Array.isArray(message.buttons) ? message.buttons : [];
  return list.filter((choice) => choice && choice.title != null && choice.payload != null);
}

export function createTranscript({ strings, onChoose }) {
  const log = element("div", {
    class: "cw-log",
    role: "log",
    "aria-live": "polite",
    "aria-label": strings.conversation,
    tabindex: "0", // a scrollable region must be reachable by keyboard
  });
  let currentStrings = strings;

  function reduceMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function scrollToEnd() {
    log.scrollTo({ top: log.scrollHeight, behavior: reduceMotion() ? "auto" : "smooth" });
  }

  function addMessage(kind, text, choices) {
    const speaker = element("span", { class: "cw-visually-hidden" });
    setText(speaker, kind === "user" ? currentStrings.you : currentStrings.companion);
    const body = element("p", { class: "cw-text", dir: "auto" });
    setText(body, text);
    const item = element("div", { class: `cw-msg cw-msg--${kind}` }, speaker, " ", body);
    if (choices.length) {
      const group = element("div", { class: "cw-choices", role: "group", "aria-label": currentStrings.suggestions });
      for (const choice of choices) {
        const button = element("button", { type: "button", class: "cw-choice", dir: "auto" });
        setText(button, choice.title);
        button.addEventListener("click", () => {
          group.remove(); // a reply is chosen once
          onChoose(choice);
        });
        group.append(button);
      }
      item.append(group);
    }
    log.append(item);
    scrollToEnd();
  }

  return {
    element: log,
    addUserMessage(text) {
      addMessage("user", text, []);
    },
    addBotMessage(message) {
      const text = typeof message.text === "string" ? message.text : "";
      const choices = choicesOf(message);
      if (text || choices.length) addMessage("bot", text, choices);
    },
    applyStrings(strings) {
      currentStrings = strings;
      log.setAttribute("aria-label", strings.conversation);
    },
    clear() {
      log.replaceChildren();
    },
  };
}
