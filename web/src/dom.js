// Building the page's elements from data, always as text: nothing a node returns is parsed as
// HTML.

/**
 * An element: `h("p", { class: "note" }, "text", child)`. Attributes set to `null`, `undefined`
 * or `false` are left out; children may be strings, nodes, arrays or nothing.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** A description list from `[term, description]` pairs; pairs without a description are left out. */
export function details(pairs, attributes = {}) {
  return h("dl", { class: "facts", ...attributes },
    pairs
      .filter(([, description]) => description !== null && description !== undefined)
      .map(([term, description]) => h("div", {}, h("dt", {}, term), h("dd", {}, description))));
}

/** A table with a caption, column headings and rows of cells. */
export function table(caption, headings, rows, attributes = {}) {
  return h("table", attributes,
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, headings.map((heading) => h("th", { scope: "col" }, heading)))),
    h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => h("td", {}, cell))))));
}

/** A hash shown in full, in a monospace font, wrapping anywhere. */
export function hash(value) {
  return h("code", { class: "hash" }, value);
}
