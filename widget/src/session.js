// The conversation's id and the chosen language. By default they live in memory only, so
// nothing about the conversation stays in the browser; data-persist="session" keeps them in
// sessionStorage (gone when the tab closes) so a reload continues the same conversation.

const PREFIX = "companion-widget:";

export function newSessionId() {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes); // works on plain http pages too, unlike randomUUID
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function sessionStorageOrNull() {
  try {
    return window.sessionStorage; // throws where storage is blocked
  } catch (error) {
    return null;
  }
}

export function createSessionStore(persist) {
  const memory = new Map();
  const storage = persist === "session" ? sessionStorageOrNull() : null;

  function read(key) {
    if (memory.has(key)) return memory.get(key);
    try {
      return storage ? storage.getItem(PREFIX + key) : null;
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    memory.set(key, value);
    try {
      if (storage) storage.setItem(PREFIX + key, value);
    } catch (error) {
      // Storage full or blocked: memory still holds it for this page.
    }
  }

  return {
    sessionId() {
      let id = read("session");
      if (!id) {
        id = newSessionId();
        write("session", id);
      }
      return id;
    },
    language: () => read("language"),
    saveLanguage: (code) => write("language", code),
    clear() {
      memory.clear();
      clearOwnedStorage();
    },
  };
}

/** Remove every sessionStorage key the widget owns, whatever the persist setting was. */
export function clearOwnedStorage() {
  const storage = sessionStorageOrNull();
  if (!storage) return;
  try {
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const key = storage.key(index);
      if (key && key.startsWith(PREFIX)) storage.removeItem(key);
    }
  } catch (error) {
    // Nothing we can do; there was nothing we could have stored either.
  }
}
