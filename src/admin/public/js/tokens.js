/* 访问令牌 and 操作日志 (admins only): create and revoke tokens; the audit log in Chinese. */
import { request } from './api.js';
import { $, badge, clearFieldErrors, el, emptyRow, replaceWith, reportError, showTime, toast } from './dom.js';
import { label } from './session.js';
import { onView } from './nav.js';

const form = $('token-form');

function renderTokens() {
  return request('GET', '/tokens').then(function (data) {
    const rows = data.items.map(function (t) {
      const action = t.revokedAt ? null : el('button', { type: 'button', className: 'small danger', text: '吊销', onclick: function () {
        if (!window.confirm('确定吊销令牌「' + t.name + '」吗？使用它的人将立即无法登录。')) return;
        request('DELETE', '/tokens/' + t.id).then(function () { toast('已吊销。'); renderTokens(); }, reportError);
      } });
      return el('tr', null,
        el('td', { text: t.id }), el('td', { text: t.name }), el('td', { text: label('roles', t.role) }),
        el('td', { text: showTime(t.createdAt) + '（' + t.createdBy + '）' }), el('td', { text: showTime(t.lastUsedAt) || '—' }),
        el('td', null, t.revokedAt ? badge('cancelled', { cancelled: '已吊销' }) : badge('published', { published: '有效' })),
        el('td', null, action));
    });
    replaceWith($('token-rows'), rows.length ? rows : [emptyRow(7, '数据库中还没有令牌')]);
    $('token-env').textContent = data.fromEnvironment.length
      ? '另有 ' + data.fromEnvironment.length + ' 个令牌来自环境变量 ADMIN_TOKENS：' + data.fromEnvironment.map(function (t) { return t.name + '（' + label('roles', t.role) + '）'; }).join('、') + '（修改需更改服务器配置）'
      : '';
  }, reportError);
}

form.addEventListener('submit', function (event) {
  event.preventDefault();
  clearFieldErrors(form);
  $('token-created').hidden = true;
  request('POST', '/tokens', { name: form.elements.name.value, role: form.elements.role.value }).then(function (t) {
    const box = $('token-created');
    box.replaceChildren('已创建令牌「' + t.name + '」。请立即复制保存，它只显示这一次：', el('br'), el('code', { text: t.token }));
    box.hidden = false;
    form.elements.name.value = '';
    renderTokens();
  }, function (err) { reportError(err, form); });
});

onView('tokens', function () {
  $('token-created').hidden = true;
  renderTokens();
});

onView('audit', function () {
  request('GET', '/audit?limit=200').then(function (data) {
    const rows = data.items.map(function (e) {
      return el('tr', null,
        el('td', { text: showTime(e.at) }), el('td', { text: e.actor }), el('td', { text: label('roles', e.role) }),
        el('td', { text: e.actionLabel || e.action }), el('td', { text: e.targetLabel || e.target || '' }),
        el('td', { className: 'wrap', text: e.summary || (e.details === undefined ? '' : JSON.stringify(e.details)) }));
    });
    replaceWith($('audit-rows'), rows.length ? rows : [emptyRow(6, '暂无记录')]);
  }, reportError);
});
