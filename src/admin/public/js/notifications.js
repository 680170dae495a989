/* 通知推送: compose with a live preview, send, follow each notification, the channels' lanes and undelivered messages. */
import { request } from './api.js';
import { $, badge, clearFieldErrors, el, emptyRow, replaceWith, reportError, shorten, showFieldErrors, showTime, toast } from './dom.js';
import { can, channelLabel, label, labels, pollTimers } from './session.js';
import { onView } from './nav.js';
import { fillActivitySelect, loadActivities } from './activityList.js';

const form = $('notify-form');
/** A notification as a whole: done, or still sending (the delivery state's label). */
function stateBadge(n) {
  return n.state === 'done' ? badge('done', { done: '已完成' }) : badge('sending', labels('deliveryStates'));
}

let previewTimer = null;
let previewCount = 0;

function checkedValues(name, asNumber) {
  const values = [];
  form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { values.push(asNumber ? Number(box.value) : box.value); });
  return values;
}

function formBody() {
  const audience = {};
  const tiers = checkedValues('tiers', true);
  const types = checkedValues('activityTypes');
  const channels = checkedValues('channels');
  if (tiers.length) audience.tiers = tiers;
  if (types.length) audience.activityTypes = types;
  if (channels.length) audience.channels = channels;
  if (form.elements.registrantsOf.value) audience.registrantsOf = Number(form.elements.registrantsOf.value);
  const body = { text: form.elements.text.value, audience: audience };
  if (form.elements.activityId.value) body.activityId = Number(form.elements.activityId.value);
  return body;
}

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(runPreview, 300);
}

function runPreview() {
  clearFieldErrors(form);
  request('POST', '/notifications/preview', formBody()).then(function (p) {
    previewCount = p.recipients;
    $('notify-count').textContent = p.recipients + ' 位订阅用户';
    $('notify-by-channel').textContent = Object.keys(p.byChannel).map(function (c) { return channelLabel(c) + ' ' + p.byChannel[c]; }).join('，');
    const text = p.message + (p.actions.length ? '\n[按钮] ' + p.actions.join(' / ') : '');
    $('notify-preview').textContent = form.elements.text.value.trim() ? text : '';
    replaceWith($('notify-warnings'), (p.warnings || []).map(function (w) { return el('li', { text: w }); }));
  }, function (err) { reportError(err, form); });
}

form.addEventListener('input', schedulePreview);
form.addEventListener('change', schedulePreview);

form.addEventListener('submit', function (event) {
  event.preventDefault();
  clearFieldErrors(form);
  if (!form.elements.text.value.trim()) return showFieldErrors(form, { text: ['请填写通知内容'] });
  if (!previewCount) return toast('当前接收范围内没有订阅用户，请调整后再发送。', true);
  if (!window.confirm('确定向 ' + previewCount + ' 位订阅用户发送这条通知吗？发送后不能撤回。')) return;
  $('notify-send').disabled = true;
  request('POST', '/notifications', formBody()).then(function (r) {
    toast('通知已提交，正在发送给 ' + r.recipients + ' 位用户。');
    form.elements.text.value = '';
    $('notify-preview').textContent = '';
    renderNotifications().then(function () { showNotification(r.id); });
  }, function (err) { reportError(err, form); }).then(function () { $('notify-send').disabled = false; });
});

function renderChannelChoices() {
  return request('GET', '/subscribers').then(function (s) {
    const box = $('notify-channels');
    const chosen = checkedValues('channels');
    const ids = Object.keys(s.byChannel);
    ['directline', 'wechat'].forEach(function (c) { if (ids.indexOf(c) < 0) ids.push(c); });
    box.replaceChildren(el('legend', { text: '渠道（不选为全部；共 ' + s.total + ' 位订阅用户）' }));
    ids.forEach(function (c) {
      const input = el('input', { type: 'checkbox', name: 'channels', value: c });
      input.checked = chosen.indexOf(c) >= 0;
      box.appendChild(el('label', null, input, ' ' + channelLabel(c) + '（' + (s.byChannel[c] || 0) + '）'));
    });
  });
}

function renderNotifications() {
  return request('GET', '/notifications?limit=30').then(function (data) {
    const rows = data.items.map(function (n) {
      return el('tr', { dataset: { id: String(n.id) } },
        el('td', null, el('button', { type: 'button', className: 'link', text: '#' + n.id, onclick: function () { showNotification(n.id); } })),
        el('td', { className: 'wrap', text: shorten(n.text, 40) }),
        el('td', { text: n.createdBy }),
        el('td', { text: showTime(n.createdAt) }),
        el('td', { text: n.recipients }),
        el('td', { text: n.totals.sent }),
        el('td', { text: n.totals.queued + n.totals.sending }),
        el('td', { text: n.totals.failed + (n.totals.unknown ? '（未知 ' + n.totals.unknown + '）' : '') }),
        el('td', null, stateBadge(n)));
    });
    replaceWith($('notify-rows'), rows.length ? rows : [emptyRow(9, '还没有发送过通知')]);
  }, reportError);
}

/** "网页聊天 · directline|… · 失败 · 第 2 次：原因" */
function problemText(channelId, refKey, status, attempts, reason) {
  return channelLabel(channelId) + ' · ' + refKey + ' · ' + label('deliveryStates', status) + ' · 第 ' + attempts + ' 次：' + reason;
}

function retryButtons(n) {
  if (!can('editor') || !(n.totals.failed || n.totals.unknown)) return null;
  const retry = function (body) {
    request('POST', '/notifications/' + n.id + '/retry', body).then(function (r) { toast('已重新排队 ' + r.requeued + ' 条。'); showNotification(n.id); }, reportError);
  };
  return el('div', { className: 'actions' },
    n.totals.failed ? el('button', { type: 'button', className: 'secondary', text: '重发失败的 ' + n.totals.failed + ' 条', onclick: function () { retry({}); } }) : null,
    n.totals.unknown ? el('button', { type: 'button', className: 'secondary', text: '也重发结果未知的 ' + n.totals.unknown + ' 条（可能重复）', onclick: function () {
      if (!window.confirm('结果未知的消息可能已送达，重发可能让对方收到两次。确定重发吗？')) return;
      retry({ includeUnknown: true });
    } }) : null);
}

/** The per-channel table's columns, in order; their headers are the server's delivery state labels. */
const STATUS_COLUMNS = ['queued', 'sending', 'sent', 'failed', 'unknown', 'expired', 'skipped'];

function showNotification(id) {
  clearTimeout(pollTimers.notification);
  request('GET', '/notifications/' + id).then(function (n) {
    const box = $('notify-detail');
    box.hidden = false;
    const channelRows = Object.keys(n.byChannel).map(function (c) {
      const x = n.byChannel[c];
      return el('tr', { dataset: { channel: c } }, el('td', { text: channelLabel(c) }), STATUS_COLUMNS.map(function (s) { return el('td', { text: x[s] }); }));
    });
    replaceWith(box, [
      el('h3', { text: '通知 #' + n.id + ' 的送达情况' }),
      el('p', null, stateBadge(n), ' 接收人数 ' + n.recipients + '，发送人 ' + n.createdBy + '，' + showTime(n.createdAt)),
      el('table', { className: 'data', id: 'notify-status-table' },
        el('thead', null, el('tr', null, el('th', { text: '渠道' }), STATUS_COLUMNS.map(function (s) { return el('th', { text: label('deliveryStates', s) + (s === 'skipped' ? '（已退订）' : '') }); }))),
        el('tbody', null, channelRows)),
      n.failures.length ? el('details', { open: true }, el('summary', { text: '失败、未知与待重试明细（' + n.failures.length + '）' }),
        el('ul', null, n.failures.map(function (f) { return el('li', { text: problemText(f.channelId, f.refKey, f.status, f.attempts, f.reason) }); }))) : null,
      retryButtons(n),
      el('pre', { className: 'message-preview', text: n.message })]);
    renderLanes();
    if (n.state !== 'done') {
      pollTimers.notification = setTimeout(function () {
        if (!$('view-notifications').hidden) { showNotification(id); renderNotifications(); }
      }, 1000);
    }
  }, reportError);
}

function renderLanes() {
  return request('GET', '/delivery/lanes').then(function (data) {
    const rows = data.lanes.map(function (l) {
      const extra = l.extra || {};
      let state = l.ready ? '可发送' : '暂停';
      if (extra.login) state = label('wechatLogin', extra.login) + (extra.user ? '（' + extra.user + '）' : '') + (l.ready ? '' : '，暂停发送');
      return el('tr', { dataset: { channel: l.channel } },
        el('td', { text: channelLabel(l.channel) }), el('td', { text: state }),
        el('td', { text: l.queued + l.sending }),
        el('td', { text: l.sentToday + (l.dailyCap ? ' / ' + l.dailyCap : '') }),
        el('td', { text: l.failed }), el('td', { text: l.unknown }));
    });
    replaceWith($('lane-rows'), rows.length ? rows : [emptyRow(6, '暂无数据')]);
    return renderDeliveryProblems();
  }, reportError);
}

/** Failed, unknown and retrying messages of every kind (reminders, promotions, ticket replies…). */
function renderDeliveryProblems() {
  return request('GET', '/delivery/problems?limit=50').then(function (data) {
    const box = $('delivery-problems');
    if (!data.items.length) return replaceWith(box, []);
    const failed = data.items.filter(function (p) { return p.status === 'failed'; }).map(function (p) { return p.id; });
    replaceWith(box, [el('details', null,
      el('summary', { text: '最近未送达的消息（全部类型，' + data.items.length + ' 条）' }),
      el('ul', null, data.items.map(function (p) {
        return el('li', { text: label('deliveryKinds', p.kind) + ' · ' + problemText(p.channelId, p.refKey, p.status, p.attempts, p.reason) });
      })),
      can('editor') && failed.length ? el('button', { type: 'button', className: 'secondary', text: '重发其中失败的 ' + failed.length + ' 条', onclick: function () {
        request('POST', '/delivery/retry', { ids: failed }).then(function (r) { toast('已重新排队 ' + r.requeued + ' 条。'); renderLanes(); }, reportError);
      } }) : null)]);
  }, reportError);
}

onView('notifications', function (options) {
  loadActivities().then(function (items) {
    fillActivitySelect($('notify-activity'), items.filter(function (a) { return a.status === 'published'; }), '不关联');
    fillActivitySelect($('notify-registrants'), items.filter(function (a) { return a.status !== 'cancelled'; }), '不限');
    if (options.activityId) $('notify-activity').value = options.activityId;
    return renderChannelChoices();
  }).then(function () {
    schedulePreview();
    renderLanes();
    return renderNotifications();
  }).catch(reportError);
});
