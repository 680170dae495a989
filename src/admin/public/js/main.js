/*
 * 汇计划 官员后台 — the console page over /admin/api: login, labels, tabs.
 * Each view lives in its own module (dashboard.js, activities.js, …) and registers its loader with nav.js.
 * Every piece of data is put on the page as text (textContent, DOM nodes): never as HTML.
 */
import { request, token, whenUnauthorized } from './api.js';
import { $, el } from './dom.js';
import { label, labels, pollTimers, session, can } from './session.js';
import { showView } from './nav.js';
import { updateTicketBadge } from './tickets.js';
import './dashboard.js';
import './activities.js';
import './registrations.js';
import './notifications.js';
import './unanswered.js';
import './tokens.js';

/** Selects and checkbox groups marked in the page get their choices from the server's labels. */
function fillChoices() {
  document.querySelectorAll('select[data-labels]').forEach(function (select) {
    select.querySelectorAll('option[data-generated]').forEach(function (o) { o.remove(); });
    const map = labels(select.dataset.labels);
    Object.keys(map).forEach(function (code) {
      const text = select.dataset.showCode === undefined ? map[code] : map[code] + '（' + code + '）';
      select.appendChild(el('option', { value: code, text: text, dataset: { generated: '' } }));
    });
    if (select.dataset.default) select.value = select.dataset.default;
  });
  document.querySelectorAll('fieldset[data-labels]').forEach(function (fieldset) {
    fieldset.querySelectorAll('label[data-generated]').forEach(function (l) { l.remove(); });
    const map = labels(fieldset.dataset.labels);
    const boxes = Object.keys(map).map(function (code) {
      return el('label', { dataset: { generated: '' } }, el('input', { type: 'checkbox', name: fieldset.dataset.name, value: code }), ' ' + map[code]);
    });
    fieldset.querySelector('legend').after(...boxes);
  });
}

function logout(message) {
  token.clear();
  session.me = null;
  Object.keys(pollTimers).forEach(function (k) { clearTimeout(pollTimers[k]); });
  $('app').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  $('login').hidden = false;
  $('login-error').textContent = message || '';
}

whenUnauthorized(logout);

/** Who is logged in and the labels, read once; then the dashboard. */
function enterApp(user) {
  return request('GET', '/labels').then(function (map) {
    session.labels = map || {};
    session.me = user;
    fillChoices();
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = user.name + '（' + label('roles', user.role) + '）';
    document.querySelectorAll('[data-role]').forEach(function (n) { n.hidden = !can(n.dataset.role); });
    document.querySelectorAll('[data-min-role]').forEach(function (n) { n.hidden = !can(n.dataset.minRole); });
    showView('dashboard');
    updateTicketBadge();
  });
}

$('login-form').addEventListener('submit', function (event) {
  event.preventDefault();
  const value = $('token-input').value.trim();
  if (!value) return;
  token.set(value);
  request('GET', '/me').then(function (user) {
    $('token-input').value = '';
    return enterApp(user);
  }).catch(function (err) {
    token.clear();
    $('login-error').textContent = err.status === 401 ? '访问令牌无效，请核对后重新输入。' : err.message;
  });
});

$('logout').addEventListener('click', function () { logout('已退出登录。'); });

document.querySelectorAll('.tabs button').forEach(function (button) {
  button.addEventListener('click', function () { showView(button.dataset.view); });
});

if (token.get()) {
  request('GET', '/me').then(enterApp).catch(function () { logout(''); });
}
