/* 报名名单: registrations of one or all activities, check-in, promotion, cancellation and the exports. */
import { download, request } from './api.js';
import { $, badge, el, emptyRow, replaceWith, reportError, rowAction, showTime, toast } from './dom.js';
import { can, labels } from './session.js';
import { onView } from './nav.js';
import { activityTitles, fillActivitySelect, loadActivities } from './activityList.js';

function query() {
  const params = new URLSearchParams();
  if ($('reg-activity').value) params.set('activityId', $('reg-activity').value);
  if ($('reg-status').value) params.set('status', $('reg-status').value);
  if ($('reg-search').value.trim()) params.set('search', $('reg-search').value.trim());
  return params;
}

function actionsFor(r) {
  const action = el('div', { className: 'row-actions' });
  if (can('editor') && r.status === 'confirmed') {
    action.appendChild(rowAction('签到', '', function () {
      request('POST', '/registrations/' + r.id + '/check-in').then(function () {
        toast('已签到：' + r.enterpriseName);
        renderRegistrations();
      }, reportError);
    }));
  }
  if (can('editor') && r.status === 'waitlisted') {
    action.appendChild(rowAction('递补', 'secondary', function () {
      if (!window.confirm('确定将「' + r.enterpriseName + '」从候补转为已报名吗？企业会收到通知。')) return;
      request('POST', '/registrations/' + r.id + '/promote').then(function () {
        toast('已递补：' + r.enterpriseName + '，已通知企业。');
        renderRegistrations();
      }, reportError);
    }));
  }
  if (can('editor') && (r.status === 'confirmed' || r.status === 'waitlisted')) {
    action.appendChild(rowAction('取消报名', 'danger', function () {
      const reason = window.prompt('取消「' + r.enterpriseName + '」的报名。请填写原因（将告知企业）：', '');
      if (reason === null) return;
      if (!reason.trim()) return toast('请填写取消原因。', true);
      request('POST', '/registrations/' + r.id + '/cancel', { reason: reason }).then(function (res) {
        toast('已取消并通知企业' + (res.promoted.length ? '；候补递补 ' + res.promoted.length + ' 家：' + res.promoted.map(function (p) { return p.enterpriseName; }).join('、') : '') + '。');
        renderRegistrations();
      }, reportError);
    }));
  }
  return action;
}

function renderRegistrations() {
  const params = query();
  params.set('limit', '500');
  return request('GET', '/registrations?' + params.toString()).then(function (data) {
    const titles = activityTitles();
    $('reg-summary').textContent = '共 ' + data.total + ' 条' + (data.total > data.items.length ? '，显示前 ' + data.items.length + ' 条（完整名单请导出）' : '');
    const rows = data.items.map(function (r) {
      return el('tr', null,
        el('td', { text: r.id }),
        el('td', { className: 'wrap', text: titles[r.activityId] || '#' + r.activityId }),
        el('td', { className: 'wrap' }, r.enterpriseName, el('br'), el('span', { className: 'hint', text: r.creditCode })),
        el('td', { text: r.contactName || '（已删除）' }),
        el('td', { text: r.mobile || '（已删除）' }),
        el('td', { text: r.attendees }),
        el('td', null, badge(r.status, labels('registrationStatuses')), r.waitlistPosition ? ' 第 ' + r.waitlistPosition + ' 位' : '', r.cancelNote ? el('div', { className: 'hint', text: '原因：' + r.cancelNote }) : null),
        el('td', { text: showTime(r.registeredAt) }),
        el('td', null, actionsFor(r)));
    });
    replaceWith($('reg-rows'), rows.length ? rows : [emptyRow(9, '暂无报名')]);
  }, reportError);
}

onView('registrations', function (options) {
  loadActivities().then(function (items) {
    fillActivitySelect($('reg-activity'), items, '全部活动');
    if (options.activityId) $('reg-activity').value = options.activityId;
    renderRegistrations();
  }, reportError);
});
$('reg-refresh').addEventListener('click', renderRegistrations);
$('reg-activity').addEventListener('change', renderRegistrations);
$('reg-status').addEventListener('change', renderRegistrations);

function exportRegistrations(ext) {
  download('/registrations/export.' + ext + '?' + query().toString()).then(function (blob) {
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: '报名名单' + ($('reg-activity').value ? '-活动' + $('reg-activity').value : '') + '.' + ext });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }).catch(reportError);
}
$('reg-export').addEventListener('click', function () { exportRegistrations('csv'); });
$('reg-export-xlsx').addEventListener('click', function () { exportRegistrations('xlsx'); });

$('checkin-form').addEventListener('submit', function (event) {
  event.preventDefault();
  const activityId = $('reg-activity').value;
  const code = $('checkin-code').value.trim();
  if (!activityId) return toast('请先选择活动。', true);
  if (!code) return toast('请输入统一社会信用代码。', true);
  request('POST', '/activities/' + activityId + '/check-in', { creditCode: code }).then(function (r) {
    toast('签到成功：' + r.enterpriseName);
    $('checkin-code').value = '';
    renderRegistrations();
  }, reportError);
});
