/*
 * Safe element helpers: every value goes on the page as text (textContent, DOM nodes), never as HTML.
 */
const TZ = 'Asia/Shanghai';

export function $(id) { return document.getElementById(id); }

/** Creates an element; strings and numbers among the children become text nodes. */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (key) {
      const value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else if (key === 'onclick') node.addEventListener('click', value);
      else if (key === 'dataset') Object.keys(value).forEach(function (d) { node.dataset[d] = value[d]; });
      else node.setAttribute(key, value === true ? '' : String(value));
    });
  }
  children.forEach(function (child) { append(node, child); });
  return node;
}

export function append(node, child) {
  if (child === undefined || child === null || child === false) return;
  if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
  else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
  else node.appendChild(child);
}

/** Replaces a node's children (null entries are skipped, never written as "null"). */
export function replaceWith(node, children) {
  node.replaceChildren();
  append(node, children);
}

/** A coloured status; `labels` maps the code to its text (the code itself when missing). */
export function badge(status, labels) {
  return el('span', { className: 'badge ' + status, text: (labels && labels[status]) || status });
}

/** A small button in a table row. */
export function rowAction(label, className, handler) {
  return el('button', { type: 'button', className: 'small ' + (className || ''), text: label, onclick: handler });
}

/** An empty table's single row. */
export function emptyRow(columns, text) {
  return el('tr', null, el('td', { colspan: columns, className: 'hint', text: text }));
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const partsFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An ISO time in Beijing time, to the minute. */
export function showTime(iso) { return iso ? timeFormat.format(new Date(iso)) : ''; }

/** ISO time → the value of a datetime-local input, in Beijing time. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const p = {};
  partsFormat.formatToParts(new Date(iso)).forEach(function (part) { p[part.type] = part.value; });
  return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute;
}

/** A datetime-local value is Beijing wall time. */
export function fromLocalInput(value) { return value ? value + ':00+08:00' : null; }

export function shorten(text, max) {
  const chars = Array.from(String(text || ''));
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

let toastTimer = null;

export function toast(message, isError) {
  const box = $('toast');
  box.textContent = message;
  box.className = isError ? 'error' : '';
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(function () { box.hidden = true; }, isError ? 6000 : 3500);
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach(function (n) { n.textContent = ''; });
  const general = form.querySelector('.form-error');
  if (general) general.textContent = '';
}

/** Each field's problems next to the field; the rest (or the message) under the form. */
export function showFieldErrors(form, fieldErrors, message) {
  clearFieldErrors(form);
  const unplaced = [];
  Object.keys(fieldErrors).forEach(function (field) {
    const top = field.split('.')[0];
    const slot = form.querySelector('[data-error-for="' + CSS.escape(field) + '"]') || form.querySelector('[data-error-for="' + CSS.escape(top) + '"]');
    if (slot) slot.textContent = fieldErrors[field].join('；');
    else unplaced.push(fieldErrors[field].join('；'));
  });
  const general = form.querySelector('.form-error');
  if (general) general.textContent = unplaced.length ? unplaced.join('；') : message || '';
}

/** An API error: next to the fields of `form` when it names them, else as a toast. */
export function reportError(err, form) {
  if (form && err.details && err.details.fieldErrors) {
    showFieldErrors(form, err.details.fieldErrors, err.message);
    return;
  }
  toast(err.message || String(err), true);
}
