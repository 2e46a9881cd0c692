#!/usr/bin/env node
// Extracts the test cases of the textlint rules that seisho re-implements into
// tests/data/textlint/RULE.json, which tests/textlint_suites.rs runs against seisho.
//
// Usage (Node 20, no dependencies):
//
//   node scripts/textlint_suites.mjs [--mirrors DIR] [OWNER/NAME=PATH ...] [--out DIR]
//
// Each rule's repository is found as DIR/OWNER+NAME/repo, DIR/OWNER+NAME or DIR/NAME
// (DIR defaults to /work/.mirror, where the project's `fetch` tool puts bare snapshots),
// or given explicitly as OWNER/NAME=PATH. PATH may be a bare git repository (files are
// read from HEAD with `git show`) or a checked-out clone (files are read from disk, the
// commit from `git rev-parse HEAD`). To get the repositories by hand:
//
//   git clone https://github.com/textlint-ja/textlint-rule-no-doubled-joshi  (etc.)
//   node scripts/textlint_suites.mjs textlint-ja/textlint-rule-no-doubled-joshi=./textlint-rule-no-doubled-joshi ...
//
// --out defaults to tests/data/textlint next to this script.
//
// How the cases are read: each test file is evaluated as JavaScript, with its `import`
// statements rewritten to calls of a stub `require`: `textlint-tester` is a stub whose
// `run(name, rule, { valid, invalid })` records the arrays (the rule module and plugins
// are empty stubs, never run), `describe`/`it` run their bodies at once, and `await
// import(...)` resolves to a stub. The TypeScript test files of these rules use no type
// syntax beyond imports (checked: evaluation would throw a SyntaxError otherwise), so
// no type stripping is done; should a future version add annotations, the script fails
// loudly rather than silently dropping cases. Cases are kept as textlint-tester sees
// them: a string is a valid case with no options; `options` of the case, or of the rule
// in the `{ rules: [{ options }] }` form of `run`, are recorded as given; `ext` as given
// (".md" is textlint-tester's default, recorded as null); errors keep message, line,
// column, index and range where the test gives them.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const RULES = [
    {
        rule: "no-doubled-joshi",
        textlint_rule: "no-doubled-joshi",
        package: "textlint-rule-no-doubled-joshi",
        repository: "textlint-ja/textlint-rule-no-doubled-joshi",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-mix-dearu-desumasu",
        textlint_rule: "no-mix-dearu-desumasu",
        package: "textlint-rule-no-mix-dearu-desumasu",
        repository: "textlint-ja/textlint-rule-no-mix-dearu-desumasu",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "max-ten",
        textlint_rule: "max-ten",
        package: "textlint-rule-max-ten",
        repository: "textlint-ja/textlint-rule-max-ten",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "sentence-length",
        textlint_rule: "sentence-length",
        package: "textlint-rule-sentence-length",
        repository: "textlint-rule/textlint-rule-sentence-length",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-double-negative",
        textlint_rule: "no-double-negative-ja",
        package: "textlint-rule-no-double-negative-ja",
        repository: "textlint-ja/textlint-rule-no-double-negative-ja",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "max-kanji-continuous-len",
        textlint_rule: "max-kanji-continuous-len",
        package: "textlint-rule-max-kanji-continuous-len",
        repository: "textlint-ja/textlint-rule-max-kanji-continuous-len",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-mixed-period",
        textlint_rule: "ja-no-mixed-period",
        package: "textlint-rule-ja-no-mixed-period",
        repository: "textlint-ja/textlint-rule-ja-no-mixed-period",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "unmatched-pair",
        textlint_rule: "no-unmatched-pair",
        package: "textlint-rule-no-unmatched-pair",
        repository: "textlint-rule/textlint-rule-no-unmatched-pair",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-nfd",
        textlint_rule: "no-nfd",
        package: "textlint-rule-no-nfd",
        repository: "textlint-ja/textlint-rule-no-nfd",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-doubled-conjunctive-particle-ga",
        textlint_rule: "no-doubled-conjunctive-particle-ga",
        package: "textlint-rule-no-doubled-conjunctive-particle-ga",
        repository: "textlint-ja/textlint-rule-no-doubled-conjunctive-particle-ga",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-space-between-full-width",
        textlint_rule: "ja-no-space-between-full-width",
        package: "textlint-rule-ja-no-space-between-full-width",
        repository: "textlint-ja/textlint-rule-preset-ja-spacing",
        subdir: "packages/textlint-rule-ja-no-space-between-full-width/",
        tests: /^packages\/textlint-rule-ja-no-space-between-full-width\/test\/[^/]*-test\.(js|ts)$/,
    },
    {
        rule: "no-dropping-the-ra",
        textlint_rule: "no-dropping-the-ra",
        package: "textlint-rule-no-dropping-the-ra",
        repository: "textlint-ja/textlint-rule-no-dropping-the-ra",
        tests: /^test\/[^/]*-test\.(js|ts)$/,
    },
];

function parseArgs(argv) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const args = { mirrors: "/work/.mirror", out: path.join(here, "..", "tests", "data", "textlint"), explicit: {} };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--mirrors") args.mirrors = argv[++i];
        else if (a === "--out") args.out = argv[++i];
        else if (a === "-h" || a === "--help") {
            console.log("usage: node scripts/textlint_suites.mjs [--mirrors DIR] [--out DIR] [OWNER/NAME=PATH ...]");
            process.exit(0);
        } else if (a.includes("=")) {
            const [repo, p] = a.split("=");
            args.explicit[repo] = p;
        } else {
            throw new Error(`unknown argument ${a}`);
        }
    }
    return args;
}

// A repository source: bare git (read HEAD) or a work tree.
function openRepo(dir) {
    const git = (...a) => execFileSync("git", a, { encoding: "utf8", maxBuffer: 64 << 20 });
    const bare = fs.existsSync(path.join(dir, "HEAD")) && fs.existsSync(path.join(dir, "objects"));
    if (bare) {
        return {
            commit: git("--git-dir", dir, "rev-parse", "HEAD").trim(),
            files: git("--git-dir", dir, "ls-tree", "-r", "--name-only", "HEAD").split("\n").filter(Boolean),
            read: (f) => git("--git-dir", dir, "show", `HEAD:${f}`),
        };
    }
    let commit = null;
    try {
        commit = git("-C", dir, "rev-parse", "HEAD").trim();
    } catch {
        commit = null;
    }
    const files = [];
    const walk = (d, rel) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            if (e.name === "node_modules" || e.name === ".git") continue;
            const r = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) walk(path.join(d, e.name), r);
            else files.push(r);
        }
    };
    walk(dir, "");
    return { commit, files, read: (f) => fs.readFileSync(path.join(dir, f), "utf8") };
}

function findRepo(args, repository) {
    if (args.explicit[repository]) return args.explicit[repository];
    const [owner, name] = repository.split("/");
    for (const c of [`${owner}+${name}/repo`, `${owner}+${name}`, name]) {
        const p = path.join(args.mirrors, c);
        if (fs.existsSync(p)) return p;
    }
    throw new Error(`repository ${repository} not found under ${args.mirrors}; pass ${repository}=PATH`);
}

// ES module syntax → calls of the stub require. Only the forms these test files use.
function toScript(source) {
    return source
        .replace(/^\s*import\s+\*\s+as\s+(\w+)\s+from\s+(["'][^"']+["']);?/gm, "const $1 = __require($2);")
        .replace(/^\s*import\s+(\w+)\s*,\s*\{([^}]*)\}\s+from\s+(["'][^"']+["']);?/gm,
            "const $1 = __default(__require($3)); const {$2} = __require($3);")
        .replace(/^\s*import\s+\{([^}]*)\}\s+from\s+(["'][^"']+["']);?/gm,
            (_, names, mod) => `const {${names.replace(/\s+as\s+/g, ": ")}} = __require(${mod});`)
        .replace(/^\s*import\s+(\w+)\s+from\s+(["'][^"']+["']);?/gm, "const $1 = __default(__require($2));")
        .replace(/^\s*import\s+(["'][^"']+["']);?/gm, "__require($1);")
        .replace(/\bimport\s*\(/g, "__import(")
        .replace(/^\s*export\s+default\s+/gm, "")
        .replace(/^\s*export\s+/gm, "");
}

function extract(source, file) {
    const runs = [];
    class TextLintTester {
        run(name, ruleOrConfig, { valid = [], invalid = [] } = {}) {
            let configOptions = null;
            let plugins = [];
            if (ruleOrConfig && Array.isArray(ruleOrConfig.rules)) {
                const rules = ruleOrConfig.rules;
                if (rules.length !== 1) throw new Error(`${file}: run(${name}) with ${rules.length} rules`);
                configOptions = rules[0].options ?? null;
                plugins = (ruleOrConfig.plugins ?? []).map((p) => p.pluginId);
            }
            runs.push({ name, configOptions, plugins, valid, invalid });
        }
    }
    const stub = new Proxy(function () {}, { get: (t, k) => (k === "then" ? undefined : stub), apply: () => stub, construct: () => stub });
    const modules = { "textlint-tester": { default: TextLintTester, TextLintTester } };
    const builtins = { fs, path, "node:fs": fs, "node:path": path, assert: {}, "node:assert": {} };
    const __require = (m) => modules[m] ?? builtins[m] ?? stub;
    const __default = (m) => (m && m.default !== undefined && m !== stub ? m.default : m);
    const pending = [];
    const __import = (m) => {
        const p = Promise.resolve({ default: __require(m) });
        pending.push(p);
        return p;
    };
    const body = (fn) => {
        const r = fn && fn();
        if (r && typeof r.then === "function") pending.push(r);
    };
    const context = vm.createContext({
        __require, __default, __import, require: __require, module: { exports: {} }, exports: {},
        console, Buffer, __dirname: "/test", __filename: file,
        describe: (_, fn) => body(fn), it: (_, fn) => body(fn), before: () => {}, after: () => {},
        beforeEach: () => {}, afterEach: () => {},
    });
    vm.runInContext(toScript(source), context, { filename: file });
    return { runs, pending };
}

function normalizeError(e) {
    const out = { message: e.message ?? null };
    for (const k of ["line", "column", "index", "range"]) if (e[k] !== undefined) out[k] = e[k];
    if (e.loc) out.loc = e.loc;
    return out;
}

function normalizeCase(kind, c, run, file) {
    const o = typeof c === "string" ? { text: c } : c;
    if (typeof o.text !== "string") {
        throw new Error(`${file}: a ${kind} case without text (inputPath?): ${JSON.stringify(o).slice(0, 80)}`);
    }
    const options = o.options ?? run.configOptions ?? null;
    const out = { kind, text: o.text, options, ext: o.ext && o.ext !== ".md" ? o.ext : null };
    if (run.plugins.length) out.plugins = run.plugins;
    out.suite = run.name;
    out.file = file;
    if (kind === "invalid") {
        if (o.output !== undefined) out.output = o.output;
        out.errors = (o.errors ?? []).map(normalizeError);
    }
    return out;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    fs.mkdirSync(args.out, { recursive: true });
    for (const r of RULES) {
        const dir = findRepo(args, r.repository);
        const repo = openRepo(dir);
        const license = readLicense(repo, r);
        const files = repo.files.filter((f) => r.tests.test(f)).sort();
        if (!files.length) throw new Error(`${r.repository}: no test files`);
        const cases = [];
        for (const f of files) {
            const { runs, pending } = extract(repo.read(f), f);
            await Promise.all(pending);
            // Async bodies (e.g. `await import("textlint-plugin-html")`) register late.
            await new Promise((res) => setTimeout(res, 0));
            for (const run of runs) {
                for (const c of run.valid) cases.push(normalizeCase("valid", c, run, f));
                for (const c of run.invalid) cases.push(normalizeCase("invalid", c, run, f));
            }
        }
        const data = {
            rule: r.rule,
            textlint_rule: r.textlint_rule,
            package: r.package,
            repository: `https://github.com/${r.repository}`,
            ...(r.subdir ? { path: r.subdir.replace(/\/$/, "") } : {}),
            commit: repo.commit,
            license,
            test_files: files,
            cases,
        };
        const target = path.join(args.out, `${r.rule}.json`);
        fs.writeFileSync(target, JSON.stringify(data, null, 2) + "\n");
        const v = cases.filter((c) => c.kind === "valid").length;
        console.log(`${r.rule}: ${v} valid, ${cases.length - v} invalid from ${files.join(", ")} @ ${repo.commit?.slice(0, 12)} (${license})`);
    }
}

function readLicense(repo, r) {
    const candidates = [`${r.subdir ?? ""}package.json`, "package.json"];
    for (const c of candidates) {
        if (repo.files.includes(c)) {
            const pkg = JSON.parse(repo.read(c));
            if (pkg.license) return pkg.license;
        }
    }
    const lic = repo.files.find((f) => /^LICEN[CS]E/i.test(f));
    if (lic && /MIT License/i.test(repo.read(lic))) return "MIT";
    throw new Error(`${r.repository}: licence not found`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
