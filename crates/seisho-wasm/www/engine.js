// The page's side of worker.js: each call a promise of its answer; and the check of the
// draft, where the latest text wins: one check runs at a time, a text typed meanwhile is
// checked when it ends (only the last of several), and a result for a text that is no longer
// the draft's is dropped.

const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let nextId = 1;

worker.addEventListener("message", ({ data: { id, result, error } }) => {
  const call = pending.get(id);
  pending.delete(id);
  if (error === undefined) call.resolve(result);
  else call.reject(new Error(error));
});
worker.addEventListener("error", (event) => {
  // A worker that failed to load (its module or the wasm) answers nothing: fail every call.
  for (const call of pending.values()) call.reject(new Error(event.message || "the worker failed"));
  pending.clear();
});

/** Calls `method` of worker.js; `transfer` lists buffers to move there rather than copy. */
export function call(method, args = [], transfer = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, method, args }, transfer);
  });
}

/** Checks the draft as it changes: `request()` after each change; `onResult(result, text)`
 * gets the results of the current text only; `onError(error)` a failed check. */
export class Checker {
  constructor({ text, options, onResult, onError }) {
    this.text = text;
    this.options = options;
    this.onResult = onResult;
    this.onError = onError;
    this.running = false;
    this.again = false;
  }

  /** Checks the current text, now or when the check under way ends. */
  request() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.again = false;
    const text = this.text();
    const { lint, score } = this.options();
    // How many checks were started: a trace for the tests (no check during a composition).
    document.body.dataset.checks = String(Number(document.body.dataset.checks ?? 0) + 1);
    call("check", [text, lint, score]).then(
      (result) => {
        this.running = false;
        // Stale: the draft or the options changed while it was checked. The newer text is
        // checked instead, or, when no check was asked for (the change is an IME
        // composition's), when one is.
        if (this.again) this.request();
        else if (text === this.text()) this.onResult(result, text);
      },
      (error) => {
        this.running = false;
        if (this.again) this.request();
        else this.onError(error);
      },
    );
  }
}
