// Small DOM helpers. Every text goes in as a text node (never as HTML), so names and messages from
// the server cannot inject markup.
/* global document, Node */ // browser globals (this file runs in the page, not in Node)
import { explain } from './fields.js';

/**
 * h('td', { class: 'num' }, 'text', child) — attributes are set as attributes, except `on*`
 * functions (event listeners) and `hidden`/`disabled`/`checked` booleans.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A Norwegian API field name with its English explanation under it (for table headers and labels). */
export function field(name, explanation = explain(name), { breakable = false } = {}) {
  // Where space is short, a long camelCase name may break before a capital (sumUplasserte|Innbetalinger), never inside a word.
  const parts = breakable ? name.split(/(?=[A-Z])/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part])) : [name];
  return [h('code', { lang: 'nb', class: 'field-name' }, parts), explanation ? h('span', { class: 'en' }, explanation) : null];
}

const kroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const kronerShort = new Intl.NumberFormat('nb-NO', { notation: 'compact', maximumFractionDigits: 1 });

/** An amount in NOK, Norwegian style (12 345,5). */
export function nok(value) {
  return typeof value === 'number' ? kroner.format(value) : '';
}

/** A short amount for chart axes (12k, 1,2 mill.). */
export function nokShort(value) {
  return kronerShort.format(value);
}

/** A table cell with an amount, right-aligned, negative amounts marked. */
export function amountCell(value, extra = {}) {
  const cls = ['num', typeof value === 'number' && value < 0 ? 'negative' : '', extra.class ?? ''].filter(Boolean).join(' ');
  return h('td', { ...extra, class: cls }, nok(value));
}
