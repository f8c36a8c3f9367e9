// Talks to Rasa's socketio channel (credentials.yml: user_uttered / bot_uttered, metadata
// under "metadata", session_persistence on). Messages typed while the connection is down are
// kept in memory and sent once Rasa confirms the session, so nothing a person wrote is lost;
// the state callback lets the page say so instead of staying silent.
import { io } from "socket.io-client";

const CONNECT_GRACE_MS = 5000; // no session yet after this long: tell the person
const REPLY_GRACE_MS = 20000; // a sent message with no answer after this long: tell the person

export function openConnection({ server, sessionId, onBotMessage, onState }) {
  const socket = io(server, {
    path: "/socket.io",
    reconnectionDelayMax: 10000,
    timeout: CONNECT_GRACE_MS,
  });
  const pending = [];
  let ready = false;
  let closed = false;
  let replyTimer = null;
  let connectTimer = window.setTimeout(() => report("offline"), CONNECT_GRACE_MS);

  function report(state) {
    if (!closed) onState(state);
  }

  function waitForReply() {
    window.clearTimeout(replyTimer);
    replyTimer = window.setTimeout(() => report("waiting"), REPLY_GRACE_MS);
  }

  function emitMessage(item) {
    socket.emit("user_uttered", { message: item.message, session_id: sessionId, metadata: item.metadata });
    waitForReply();
  }

  socket.on("connect", () => {
    // A new socket id must join the session's room again, or replies go nowhere.
    socket.emit("session_request", { session_id: sessionId });
  });

  socket.on("session_confirm", () => {
    ready = true;
    window.clearTimeout(connectTimer);
    report("ready");
    while (pending.length) emitMessage(pending.shift());
  });

  socket.on("connect_error", () => {
    ready = false;
    report("offline");
  });

  socket.on("disconnect", (reason) => {
    ready = false;
    report("offline");
    // The client reconnects by itself after a network failure, not after the server hung up.
    if (reason === "io server disconnect" && !closed) socket.connect();
  });

  socket.on("bot_uttered", (message) => {
    window.clearTimeout(replyTimer);
    report("ready");
    if (message && typeof message === "object") onBotMessage(message);
  });

  return {
    send(message, metadata) {
      const item = { message, metadata };
      if (ready) {
        emitMessage(item);
      } else {
        pending.push(item);
        report("offline");
      }
    },
    close() {
      closed = true;
      pending.length = 0;
      window.clearTimeout(replyTimer);
      window.clearTimeout(connectTimer);
      socket.disconnect();
    },
  };
}
