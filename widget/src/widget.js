// Wires the parts together: configuration, session, view, connection, quick exit.
import { openConnection } from "./connection.js";
import { browserLocale, nameOf, negotiate, stringsFor } from "./languages.js";
import { installQuickExit } from "./quickExit.js";
import { createSessionStore } from "./session.js";
import { createView } from "./view.js";

const STATUS_FOR_STATE = { ready: null, offline: "offline", waiting: "waiting" };

export function mountWidget(config, script) {
  const store = createSessionStore(config.persist);
  // An explicit choice (picker) beats the deployer's data-language, which beats the browser.
  let chosenLanguage = store.language();
  const configured = config.language !== "auto" ? config.language : null;
  const uiLanguage = () => negotiate(chosenLanguage || configured || browserLocale());

  function metadata() {
    const data = { language: chosenLanguage || configured || browserLocale() };
    if (config.country) data.country = config.country;
    return data;
  }

  let connection = null;
  function send(message, shownAs) {
    view.addUserMessage(shownAs);
    connection.send(message, metadata());
  }

  const container = config.container ? document.querySelector(config.container) : null;
  const view = createView({
    mountAfter: script,
    container,
    title: config.title,
    language: uiLanguage(),
    strings: stringsFor(uiLanguage()),
    handlers: {
      onSend: (text) => send(text, text),
      onChoice(choice) {
        view.focusInput(); // the chosen button is gone: the input is where the answer continues
        send(String(choice.payload), String(choice.title));
      },
      onLanguage(code) {
        chosenLanguage = code;
        store.saveLanguage(code);
        view.applyLanguage(code, stringsFor(code));
        view.focusInput();
        send(`/change_language{"language":"${code}"}`, nameOf(code));
      },
      onQuickExit: () => quickExit.leave(),
    },
  });

  connection = openConnection({
    server: config.server,
    sessionId: store.sessionId(),
    onBotMessage: (message) => view.addBotMessage(message),
    onState: (state) => view.setStatus(STATUS_FOR_STATE[state]),
  });

  const quickExit = installQuickExit({
    exitUrl: config.exitUrl,
    beforeLeaving() {
      connection.close();
      view.wipe();
      store.clear();
      // Hide the whole host page too while the neutral site loads.
      document.documentElement.style.visibility = "hidden";
    },
  });
}
