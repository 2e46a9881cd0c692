// Writes the package.json of a wasm-bindgen output directory:
// node scripts/package-json.mjs DIR web|nodejs [BASE]
// The package is named BASE (web) or BASE-node (nodejs); BASE is seisho-wasm, or
// seisho-wasm-core for the core packages (built without Markdown).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, target, base = "seisho-wasm"] = process.argv.slice(2);
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const pkg = {
  name: target === "web" ? base : `${base}-node`,
  version,
  description: "seisho for JavaScript: normalize, lint, fix and score Japanese text (WebAssembly)",
  license: "MIT OR Apache-2.0",
  files: ["seisho_wasm_bg.wasm", "seisho_wasm.js", "seisho_wasm.d.ts", "seisho_wasm_bg.wasm.d.ts"],
  main: "seisho_wasm.js",
  types: "seisho_wasm.d.ts",
};
if (target === "web") {
  pkg.type = "module";
  pkg.module = "seisho_wasm.js";
  pkg.sideEffects = ["./snippets/*"];
} else {
  // wasm-bindgen's nodejs output is CommonJS.
  pkg.type = "commonjs";
}
writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
