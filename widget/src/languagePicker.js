// A disclosure button that opens a list of language buttons, each named in its own language.
// Buttons rather than a <select>: a select fires "change" on every arrow key, which would send
// a language switch for each language a keyboard user passes.
import { element, setText } from "./dom.js";
import { LANGUAGES, nameOf } from "./languages.js";

let nextId = 0;

export function createLanguagePicker({ strings, current, onChoose }) {
  const listId = `cw-languages-${(nextId += 1)}`;
  const toggle = element("button", { type: "button", class: "cw-lang-toggle", "aria-expanded": "false", "aria-controls": listId });
  const list = element("ul", { id: listId, class: "cw-lang-list", hidden: true });
  const buttons = new Map();
  let label = strings.language;
  let selected = current;

  function render() {
    setText(toggle, `${label}: ${nameOf(selected)}`);
    for (const [code, button] of buttons) {
      if (code === selected) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  function setOpen(open) {
    list.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  }

  toggle.addEventListener("click", () => setOpen(list.hidden));
  for (const language of LANGUAGES) {
    const button = element("button", { type: "button", class: "cw-lang-option", lang: language.code, dir: language.dir });
    setText(button, language.name);
    button.addEventListener("click", () => {
      selected = language.code;
      setOpen(false);
      render();
      onChoose(language.code);
    });
    buttons.set(language.code, button);
    list.append(element("li", {}, button));
  }
  render();

  return {
    element: element("div", { class: "cw-lang" }, toggle, list),
    applyStrings(strings, code) {
      label = strings.language;
      selected = code;
      render();
    },
  };
}
