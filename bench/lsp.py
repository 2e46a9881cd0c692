#!/usr/bin/env python3
"""`seisho lsp` under an editor's load: latency from didChange to publishDiagnostics on a
Markdown document, and the server's memory after many changes (issue 17).

usage: bench/lsp.py FILE.md... [--seisho target/release/seisho] [--changes 1000] [--samples 50]

For each FILE.md: opens it, then sends didChange notifications, each with the whole text and
one character typed at a different place (full synchronization, as the server asks). Latency: for
--samples changes, each sent alone (the next waits for the previous one's diagnostics), the
time from writing the notification to reading its publishDiagnostics, with the server's
debounce (initializationOptions.debounceMs) set to 0 and at its default of 50 ms. Memory: the
server's VmRSS and VmHWM (/proc) after --changes changes, each waited for. Prints Markdown:
the run (date, cores, load, commit), one table with a row per document and debounce, and the
memory per document. With SEISHO_PUBLISH=1 in the environment, also puts it into the section
`lsp` of BENCHMARKS.md (bench/publish.py). Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Queue


class Server:
    def __init__(self, seisho: str, root: Path, debounce_ms: int | None):
        self.proc = subprocess.Popen([seisho, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)
        self.queue: Queue = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 0
        options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}, "initializationOptions": options})
        self.notify("initialized", {})

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.queue.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, message: dict) -> float:
        body = json.dumps(message, ensure_ascii=False).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def notify(self, method: str, params) -> float:
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)[1]

    def wait(self, matches):
        while True:
            at, message = self.queue.get(timeout=60)
            if matches(message):
                return at, message

    def diagnostics(self, uri: str, version: int):
        return self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version
        )

    def memory_kib(self) -> tuple[int, int]:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        field = lambda name: int(next(l for l in status.splitlines() if l.startswith(name)).split()[1])
        return field("VmRSS:"), field("VmHWM:")

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def edited(text: str, k: int) -> str:
    """The text with one character typed at the k-th paragraph break (a different place each
    time)."""
    breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)] or [len(text)]
    at = breaks[k % len(breaks)]
    return text[:at] + "あ" + text[at:]


def latency(seisho: str, path: Path, samples: int, debounce_ms: int | None) -> list[float]:
    text = path.read_text(encoding="utf-8")
    server = Server(seisho, path.parent, debounce_ms)
    uri = path.resolve().as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    server.diagnostics(uri, 1)
    times = []
    for k in range(samples):
        version = k + 2
        sent = server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited(text, k)}]},
        )
        at, _ = server.diagnostics(uri, version)
        times.append((at - sent) * 1000)
    server.close()
    return times


def memory(seisho: str, path: Path, changes: int) -> tuple[tuple[int, int], tuple[int, int], int]:
    text = path.read_text(encoding="utf-8")
    server = Server(seisho, path.parent, 0)
    uri = path.resolve().as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    _, first = server.diagnostics(uri, 1)
    after_open = server.memory_kib()
    for k in range(changes):
        server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"text": edited(text, k)}]},
        )
        server.diagnostics(uri, k + 2)
    after = server.memory_kib()
    server.close()
    return after_open, after, len(first["params"]["diagnostics"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    ap.add_argument("--seisho", default="target/release/seisho", type=lambda p: str(Path(p).resolve()))
    ap.add_argument("--changes", type=int, default=1000)
    ap.add_argument("--samples", type=int, default=50)
    args = ap.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).parent).stdout.strip()
    out = [f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
           f"load average {os.getloadavg()[0]:.2f} before; commit {commit or '?'}", ""]
    out += ["| document | bytes | diagnostics | debounce | changes | median ms | p90 ms | max ms |",
            "|---|---:|---:|---|---:|---:|---:|---:|"]
    memory_lines = []
    for path in args.files:
        size = path.stat().st_size
        (rss0, hwm0), (rss, hwm), n = memory(args.seisho, path, args.changes)
        for debounce in (0, None):
            t = sorted(latency(args.seisho, path, args.samples, debounce))
            name = "0 ms" if debounce == 0 else "default (50 ms)"
            out.append(f"| {path.name} | {size:,} | {n} | {name} | {len(t)} | {statistics.median(t):.1f} | "
                       f"{t[int(len(t) * 0.9) - 1]:.1f} | {t[-1]:.1f} |")
        memory_lines.append(f"- {path.name}: after opening, VmRSS {rss0 / 1024:.1f} MiB (peak {hwm0 / 1024:.1f}); "
                            f"after {args.changes} changes, VmRSS {rss / 1024:.1f} MiB (peak {hwm / 1024:.1f}).")
    out += ["", "Memory (debounce 0):", ""] + memory_lines
    report = "\n".join(out) + "\n"
    print(report, end="")
    if os.environ.get("SEISHO_PUBLISH") == "1":
        publish = Path(__file__).with_name("publish.py")
        subprocess.run([sys.executable, str(publish), "lsp", "-"], input=report, text=True, check=True)


if __name__ == "__main__":
    main()
