/* 活动管理: the create / edit form and the activity list (publish, cancel, open its registrations or a notification). */
import { request } from './api.js';
import { $, badge, clearFieldErrors, el, emptyRow, fromLocalInput, replaceWith, reportError, rowAction, showTime, toLocalInput, toast } from './dom.js';
import { can, label, labels } from './session.js';
import { onView, showView } from './nav.js';
import { loadActivities } from './activityList.js';

const form = $('activity-form');

function resetForm() {
  form.reset();
  form.elements.id.value = '';
  clearFieldErrors(form);
  $('activity-form-title').textContent = '新建活动';
  $('activity-save').textContent = '保存为草稿';
}

function editActivity(a) {
  resetForm();
  const f = form.elements;
  f.id.value = String(a.id);
  f.title.value = a.title;
  f.type.value = a.type;
  f.startsAt.value = toLocalInput(a.startsAt);
  f.endsAt.value = toLocalInput(a.endsAt);
  f.signupDeadline.value = toLocalInput(a.signupDeadline);
  f.capacity.value = String(a.capacity);
  f.seatsPerEnterprise.value = String(a.seatsPerEnterprise);
  f.place.value = a.place || '';
  f.onlineUrl.value = a.onlineUrl || '';
  f.description.value = a.description || '';
  form.querySelectorAll('input[name="eligibleTiers"]').forEach(function (box) {
    box.checked = (a.eligibleTiers || []).indexOf(Number(box.value)) >= 0;
  });
  $('activity-form-title').textContent = '编辑活动 #' + a.id;
  $('activity-save').textContent = '保存修改';
  form.scrollIntoView({ behavior: 'smooth' });
}

function formBody() {
  const f = form.elements;
  const tiers = [];
  form.querySelectorAll('input[name="eligibleTiers"]:checked').forEach(function (box) { tiers.push(Number(box.value)); });
  return {
    title: f.title.value,
    type: f.type.value,
    startsAt: fromLocalInput(f.startsAt.value) || '',
    endsAt: fromLocalInput(f.endsAt.value) || '',
    signupDeadline: fromLocalInput(f.signupDeadline.value),
    capacity: Number(f.capacity.value),
    seatsPerEnterprise: Number(f.seatsPerEnterprise.value),
    place: f.place.value.trim() || null,
    onlineUrl: f.onlineUrl.value.trim() || null,
    description: f.description.value,
    eligibleTiers: tiers,
  };
}

form.addEventListener('submit', function (event) {
  event.preventDefault();
  clearFieldErrors(form);
  const id = form.elements.id.value;
  const call = id ? request('PATCH', '/activities/' + id, formBody()) : request('POST', '/activities', formBody());
  call.then(function (saved) {
    toast(id ? '已保存修改。' : '已创建草稿：' + saved.title + '（编号 ' + saved.id + '），可在列表中发布。');
    resetForm();
    renderActivities();
  }, function (err) { reportError(err, form); });
});

$('activity-reset').addEventListener('click', resetForm);
$('activity-status-filter').addEventListener('change', function () { renderActivities(); });

function actionsFor(a) {
  const actions = el('div', { className: 'row-actions' });
  if (can('editor') && a.status !== 'cancelled') {
    actions.appendChild(rowAction('编辑', 'secondary', function () { editActivity(a); }));
    if (a.status === 'draft') {
      actions.appendChild(rowAction('发布', '', function () {
        request('POST', '/activities/' + a.id + '/publish').then(function () {
          toast('已发布：' + a.title);
          renderActivities();
        }, reportError);
      }));
    }
    actions.appendChild(rowAction('取消活动', 'danger', function () {
      const reason = window.prompt('确定取消「' + a.title + '」吗？已报名的企业会收到取消通知。\n请填写取消原因（可留空）：', '');
      if (reason === null) return;
      request('POST', '/activities/' + a.id + '/cancel', { reason: reason }).then(function (r) {
        toast('已取消活动，' + r.registrationsCancelled + ' 条报名已通知。');
        renderActivities();
      }, reportError);
    }));
  }
  actions.appendChild(rowAction('报名名单', 'secondary', function () {
    showView('registrations', { activityId: String(a.id) });
  }));
  if (a.status === 'published' && can('editor')) {
    actions.appendChild(rowAction('发通知', 'secondary', function () {
      showView('notifications', { activityId: String(a.id) });
    }));
  }
  return actions;
}

function renderActivities() {
  const status = $('activity-status-filter').value;
  return loadActivities(status).then(function (items) {
    const rows = items.map(function (a) {
      return el('tr', null,
        el('td', { text: a.id }),
        el('td', { className: 'wrap', text: a.title }),
        el('td', { text: label('activityTypes', a.type) }),
        el('td', { text: showTime(a.startsAt) }),
        el('td', null, badge(a.status, labels('activityStatuses'))),
        el('td', { text: a.availability.taken + ' / ' + a.capacity + (a.availability.waitlisted ? '（候补 ' + a.availability.waitlisted + '）' : '') }),
        el('td', null, actionsFor(a)));
    });
    replaceWith($('activity-rows'), rows.length ? rows : [emptyRow(7, '暂无活动')]);
  }, reportError);
}

onView('activities', renderActivities);
