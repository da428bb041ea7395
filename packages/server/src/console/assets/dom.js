// The console's DOM helpers. Everything a target wrote (prompts, answers, rationales) is
// attacker-controlled, so the page builds its DOM here with elements and text nodes alone: nothing is
// ever parsed as HTML.

export const SEVERITIES = ["critical", "high", "medium", "low", "info"];
export const main = document.getElementById("main");

/** An element with attributes (on* handlers as functions) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    // Through the CSSOM: the page's CSP refuses style attributes.
    else if (name === "style") Object.assign(node.style, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A table: a row of headings, then the rows (tr elements). */
export function table(headings, rows, attributes = {}) {
  return el(
    "table",
    attributes,
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        headings.map((heading) => el("th", {}, heading)),
      ),
    ),
    el("tbody", {}, rows),
  );
}

export const severity = (value) => el("span", { class: `sev sev-${value}` }, value);
export const when = (value) => (value ? new Date(value).toLocaleString() : "-");
