// The whole configuration comes from the one embed tag's data-* attributes, so a deployer
// never edits JavaScript. Anything missing or malformed falls back to a safe default.

export const DEFAULT_EXIT_URL = "https://www.google.com/search?q=weather";

/** An http(s) URL, or the fallback: a `javascript:` exit address must never run. */
function safeHttpUrl(value, fallback) {
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : fallback;
  } catch (error) {
    return fallback;
  }
}

/** Only the origin: socket.io would read any path in the address as a namespace. */
function originOf(url) {
  return url ? new URL(url).origin : null;
}

function scriptOrigin(script) {
  try {
    return new URL(script.src, window.location.href).origin;
  } catch (error) {
    return window.location.origin;
  }
}

export function readConfig(script) {
  const data = (script && script.dataset) || {};
  const country = String(data.country || "").trim().toUpperCase();
  return {
    // Where Rasa's socket.io channel listens; by default the origin that served widget.js
    // (for a deployment that proxies /socket.io to Rasa).
    server: originOf(safeHttpUrl(data.server, null)) || scriptOrigin(script),
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    language: String(data.language || "auto").trim() || "auto",
    exitUrl: safeHttpUrl(data.exitUrl, DEFAULT_EXIT_URL),
    persist: data.persist === "session" ? "session" : "none",
    title: data.title || null,
    container: data.container || null,
  };
}
