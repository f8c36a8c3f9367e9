/**
 * The attachment companion's chat widget. Embed with one tag:
 *   <script src="widget.js" data-server="https://rasa.example.org" data-country="KE"
 *           data-language="auto" data-exit-url="https://www.google.com/search?q=weather"
 *           data-persist="none"></script>
 * See README.md, "Web widget", for every attribute.
 */
import { readConfig } from "./config.js";
import { mountWidget } from "./widget.js";

// Only readable while this file first runs; afterwards it is null.
const script = document.currentScript;

function start() {
  mountWidget(readConfig(script), script);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
