// A plain chat page: text in, bot messages out, rendered as text (never as HTML).
(function () {
  "use strict";
  var sender = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  var log = document.getElementById("log");
  var input = document.getElementById("text");
  var picker = document.getElementById("language");

  function add(kind, text, buttons) {
    var item = document.createElement("li");
    item.className = kind;
    item.dir = "auto";
    item.textContent = text || "";
    (buttons || []).forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title;
      element.addEventListener("click", function () { send(button.payload, button.title); });
      item.appendChild(document.createElement("br"));
      item.appendChild(element);
    });
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  function send(message, shown) {
    add("user", shown || message);
    var metadata = { language: picker.value || navigator.language };
    fetch("/api/message", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message, metadata: metadata })
    })
      .then(function (reply) { return reply.json(); })
      .then(function (messages) {
        messages.forEach(function (m) { add("bot", m.text, m.buttons); });
      })
      .catch(function () { add("bot", "Sorry, the connection failed. Please try again."); });
  }

  picker.addEventListener("change", function () {
    if (picker.value) { send('/change_language{"language":"' + picker.value + '"}', picker.options[picker.selectedIndex].text); }
  });
  document.getElementById("send").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    send(text);
  });
})();
