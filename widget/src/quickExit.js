// Quick exit: one click on the visible button, or Esc twice within a second, from anywhere
// on the page. location.replace() swaps the chat page's history entry for the neutral site,
// so the Back button does not return to the conversation.

const DOUBLE_ESCAPE_MS = 1000;

export function installQuickExit({ exitUrl, beforeLeaving }) {
  let lastEscape = -Infinity;
  let leaving = false;

  function leave() {
    if (leaving) return;
    leaving = true;
    try {
      beforeLeaving();
    } finally {
      window.location.replace(exitUrl);
    }
  }

  function onKeyDown(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    const now = Date.now();
    if (now - lastEscape <= DOUBLE_ESCAPE_MS) {
      event.preventDefault();
      leave();
    } else {
      lastEscape = now;
    }
  }

  // Capture phase on the document: works wherever focus is, even if the host page stops
  // the event from bubbling.
  document.addEventListener("keydown", onKeyDown, true);
  return { leave };
}
