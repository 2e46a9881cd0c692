// The rule settings: each rule on or off, and the options the page offers; kept in this
// browser, passed to lint as seisho.toml's [rules] would be, and exported as seisho.toml.
import { el, storage } from "./dom.js";
import { lang, t } from "./i18n.js";
import { ruleLabel } from "./reports.js";

/** The options the page offers, with their defaults and minimums: those of the rules in the
 * Rust core (src/lint/rules/sentence_length.rs, max_ten.rs). */
export const OPTIONS = {
  "sentence-length": { max: { default: 100, min: 1 } },
  "max-ten": { max: { default: 3, min: 0 } },
};

export class Settings {
  /** `rules`: the API's rules() (id, Japanese name, summary, defaultOn, needsDictionary). */
  constructor(rules) {
    this.rules = rules;
    const saved = storage.get("settings", {});
    const known = new Set(rules.map((r) => r.id));
    /** Rule id → on, for the rules switched from their default. */
    this.enabled = Object.fromEntries(Object.entries(saved.enabled ?? {}).filter(([id]) => known.has(id)));
    /** Rule id → { option: value }, for the options changed from their default. */
    this.options = {};
    for (const [id, options] of Object.entries(saved.options ?? {})) {
      for (const [name, value] of Object.entries(options)) {
        if (OPTIONS[id]?.[name] && Number.isInteger(value)) this.setOption(id, name, value, false);
      }
    }
  }

  isOn(id) {
    return this.enabled[id] ?? this.rules.find((r) => r.id === id)?.defaultOn ?? false;
  }

  option(id, name) {
    return this.options[id]?.[name] ?? OPTIONS[id][name].default;
  }

  setEnabled(id, on) {
    const rule = this.rules.find((r) => r.id === id);
    if (on === rule.defaultOn) delete this.enabled[id];
    else this.enabled[id] = on;
    this.save();
  }

  setOption(id, name, value, save = true) {
    const spec = OPTIONS[id][name];
    const v = Math.max(spec.min, Math.round(value));
    this.options[id] = { ...this.options[id], [name]: v };
    if (v === spec.default) delete this.options[id][name];
    if (!Object.keys(this.options[id]).length) delete this.options[id];
    if (save) this.save();
  }

  reset() {
    this.enabled = {};
    this.options = {};
    this.save();
  }

  save() {
    storage.set("settings", { enabled: this.enabled, options: this.options });
  }

  /** The rules changed from their defaults, as lint's `rules` option takes them. */
  lintRules() {
    const rules = {};
    for (const id of new Set([...Object.keys(this.enabled), ...Object.keys(this.options)])) {
      rules[id] = this.options[id] ? { enabled: this.isOn(id), options: this.options[id] } : this.isOn(id);
    }
    return rules;
  }

  /** The longest sentence that is not long (the score's threshold follows the rule's). */
  longSentence() {
    return this.option("sentence-length", "max");
  }

  /** seisho.toml with these settings: the page's language (that of the messages), and a
   * [rules] table of the rules changed from their defaults, written as `seisho lint` reads it
   * (options in the rule's table, beside `enabled`). */
  toml() {
    const lines = [`# ${t("tomlComment")}`, `lang = "${lang}"`, "", "[rules]"];
    for (const [id, setting] of Object.entries(this.lintRules())) {
      if (typeof setting === "boolean") {
        lines.push(`${id} = ${setting}`);
      } else {
        // A table without `enabled` leaves a rule as it is by default.
        const rule = this.rules.find((r) => r.id === id);
        const fields = setting.enabled === rule.defaultOn ? [] : [`enabled = ${setting.enabled}`];
        for (const [name, value] of Object.entries(setting.options)) fields.push(`${name} = ${value}`);
        lines.push(`${id} = { ${fields.join(", ")} }`);
      }
    }
    return `${lines.join("\n")}\n`;
  }

  /** The panel's rows: each rule's switch, name, id, summary, and its options. `changed()`
   * is called after each change. */
  renderPanel(list, changed) {
    const names = new Map(this.rules.map((r) => [r.id, r.name]));
    list.replaceChildren(...this.rules.map((rule) => {
      const id = `rule-${rule.id}`;
      const options = Object.entries(OPTIONS[rule.id] ?? {}).map(([name, spec]) =>
        el("label", { class: "option" },
          el("span", {}, t("optionMax")[rule.id]),
          el("input", {
            type: "number", min: spec.min, step: 1, value: this.option(rule.id, name),
            "data-rule": rule.id, "data-option": name,
            onchange: (event) => {
              const value = Number(event.target.value);
              if (!Number.isFinite(value)) return;
              this.setOption(rule.id, name, value);
              event.target.value = this.option(rule.id, name);
              changed();
            },
          })));
      return el("li", { class: "rule-setting" },
        el("label", { class: "switch", for: id },
          el("input", {
            type: "checkbox", id, checked: this.isOn(rule.id), "data-rule": rule.id,
            onchange: (event) => {
              this.setEnabled(rule.id, event.target.checked);
              changed();
            },
          }),
          ruleLabel(rule.id, names),
          rule.needsDictionary ? el("span", { class: "tag" }, t("needsDictionary")) : null),
        el("p", { class: "summary" }, rule.summary),
        ...options);
    }));
  }
}
