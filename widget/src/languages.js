// Which language the widget speaks, and in which direction it is written.
// The list itself is data (languages.json) so adding a language needs no code change.
import data from "./languages.json";
import strings from "./strings.json";

export const LANGUAGES = data.languages;
const FALLBACK = "en";

/** The supported language closest to a locale such as "pt-BR", or English: never nothing. */
export function negotiate(locale) {
  const primary = String(locale || "").toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.some((language) => language.code === primary) ? primary : FALLBACK;
}

export function directionOf(code) {
  const language = LANGUAGES.find((entry) => entry.code === code);
  return language ? language.dir : "ltr";
}

export function nameOf(code) {
  const language = LANGUAGES.find((entry) => entry.code === code);
  return language ? language.name : code;
}

/** The widget's own texts in `code`; any text missing there falls back to English. */
export function stringsFor(code) {
  return Object.assign({}, strings[FALLBACK], strings[code] || {});
}

/** The browser's preferred locale, as sent to Rasa (which negotiates it itself). */
export function browserLocale() {
  return (navigator.languages && navigator.languages[0]) || navigator.language || FALLBACK;
}
