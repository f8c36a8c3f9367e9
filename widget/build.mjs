// Build the widget: `npm ci && npm run build` (or `make widget` from the repository root).
// Writes bot/web/static/widget.js (one minified IIFE with a banner naming what it bundles and
// their licences) and copies axe-core's axe.min.js to tests/browser/vendor/ for the browser
// tests. Both outputs are committed, so running or testing the bot never needs npm.
import { build } from "esbuild";
import { copyFile, mkdir, readFile } from "node:fs/promises";

const here = new URL(".", import.meta.url);
const packageJson = async (name) =>
  JSON.parse(await readFile(new URL(name ? `node_modules/${name}/package.json` : "package.json", here)));

const widget = await packageJson();
const bundled = ["socket.io-client", "engine.io-client", "engine.io-parser", "socket.io-parser", "@socket.io/component-emitter"];
const parts = await Promise.all(bundled.map(async (name) => {
  const info = await packageJson(name);
  return `${name} ${info.version} (${info.license})`;
}));
const esbuild = await packageJson("esbuild");
const banner = `/*! attachment companion chat widget ${widget.version} (${widget.license}). Bundles ${parts.join(", ")}. Built with esbuild ${esbuild.version} from widget/src. */`;

await build({
  entryPoints: [new URL("src/main.js", here).pathname],
  outfile: new URL("../bot/web/static/widget.js", here).pathname,
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["es2019"],
  loader: { ".css": "text" },
  legalComments: "none",
  banner: { js: banner },
  logLevel: "info",
});

const vendor = new URL("../tests/browser/vendor/", here);
await mkdir(vendor, { recursive: true });
await copyFile(new URL("node_modules/axe-core/axe.min.js", here), new URL("axe.min.js", vendor));
const axe = await packageJson("axe-core");
console.log(`copied axe-core ${axe.version} (${axe.license}) to tests/browser/vendor/axe.min.js`);
