/*
 * 汇计划 官员后台 — the console page over /admin/api.
 * Every piece of data is put on the page as text (textContent, DOM nodes): never as HTML.
 * The access token is kept in sessionStorage (this tab only) and sent as a Bearer header.
 */
(function () {
  'use strict';

  var API = '/admin/api';
  var TOKEN_KEY = 'huibot.admin.token';
  var TZ = 'Asia/Shanghai';
  var ROLE_RANK = { viewer: 0, editor: 1, admin: 2 };
  var ROLE_LABELS = { viewer: '只读', editor: '编辑', admin: '管理员' };
  var TYPE_LABELS = { salon: '企业沙龙', training: '培训辅导', jobfair: '专场招聘', other: '其他活动' };
  var ACTIVITY_STATUS = { draft: '草稿', published: '已发布', cancelled: '已取消' };
  var REG_STATUS = { confirmed: '报名成功', waitlisted: '候补中', cancelled: '已取消', checked_in: '已签到' };
  var TICKET_STATUS = { open: '待处理', answered: '已回复', closed: '已关闭' };
  var PUSH_STATUS = { queued: '排队中', sending: '发送中', sent: '已送达', failed: '失败', expired: '已过期', unknown: '结果未知', skipped: '已跳过' };
  var KIND_LABELS = { notification: '活动通知', ticket_reply: '工单回复', reminder: '活动提醒', promotion: '候补递补', activity_changed: '活动变更', activity_cancelled: '活动取消', registration_cancelled: '报名取消', reply: '微信回复' };
  var LOGIN_STATE = { logged_in: '已登录', waiting_for_scan: '待扫码', logged_out: '已退出', retrying: '重连中', starting: '启动中', stopped: '已停止' };
  var CHANNEL_LABELS = { directline: '网页聊天', wechat: '微信', 'wechat-oa': '微信服务号', emulator: 'Bot Framework 模拟器', msteams: 'Teams', webchat: 'Azure 网页聊天', test: '测试渠道' };
  var TIER_LABELS = { 1: '一类', 2: '二类', 3: '三类' };

  var me = null;
  var charts = {};
  var activitiesCache = [];
  var pollTimers = {};

  // ------------------------------------------------------------------ helpers

  function $(id) { return document.getElementById(id); }

  /** Creates an element; strings and numbers among the children become text nodes. */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null || value === false) return;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'className') node.className = value;
        else if (key === 'onclick') node.addEventListener('click', value);
        else if (key === 'dataset') Object.keys(value).forEach(function (d) { node.dataset[d] = value[d]; });
        else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
    else node.appendChild(child);
  }

  /** Replaces a node's children (null entries are skipped, never written as "null"). */
  function replaceWith(node, children) {
    node.replaceChildren();
    append(node, children);
  }

  function badge(status, labels) {
    return el('span', { className: 'badge ' + status, text: (labels && labels[status]) || status });
  }

  var timeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  var partsFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function showTime(iso) { return iso ? timeFormat.format(new Date(iso)) : ''; }

  /** ISO time → the value of a datetime-local input, in Beijing time. */
  function toLocalInput(iso) {
    if (!iso) return '';
    var p = {};
    partsFormat.formatToParts(new Date(iso)).forEach(function (part) { p[part.type] = part.value; });
    return p.year + '-' + p.month + '-' + p.day + 'T' + p.hour + ':' + p.minute;
  }

  /** A datetime-local value is Beijing wall time. */
  function fromLocalInput(value) { return value ? value + ':00+08:00' : null; }

  function channelLabel(id) { return CHANNEL_LABELS[id] || id; }

  function shorten(text, max) {
    var chars = Array.from(String(text || ''));
    return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
  }

  function toast(message, isError) {
    var box = $('toast');
    box.textContent = message;
    box.className = isError ? 'error' : '';
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { box.hidden = true; }, isError ? 6000 : 3500);
  }

  function can(role) { return me && ROLE_RANK[me.role] >= ROLE_RANK[role]; }

  // ------------------------------------------------------------------ API

  function ApiError(status, message, details) {
    this.status = status;
    this.message = message;
    this.details = details || {};
  }

  function request(method, path, body) {
    var token = sessionStorage.getItem(TOKEN_KEY);
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    var init = { method: method, headers: headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (res.ok) return data;
        var error = (data && data.error) || {};
        if (res.status === 401) logout('登录已失效，请重新输入访问令牌。');
        throw new ApiError(res.status, error.message || '请求失败（' + res.status + '）', error.details);
      });
    }, function () {
      throw new ApiError(0, '无法连接服务器，请检查网络后重试。');
    });
  }

  function reportError(err, form) {
    if (form && err.details && err.details.fieldErrors) {
      showFieldErrors(form, err.details.fieldErrors, err.message);
      return;
    }
    toast(err.message || String(err), true);
  }

  function clearFieldErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (n) { n.textContent = ''; });
    var general = form.querySelector('.form-error');
    if (general) general.textContent = '';
  }

  function showFieldErrors(form, fieldErrors, message) {
    clearFieldErrors(form);
    var unplaced = [];
    Object.keys(fieldErrors).forEach(function (field) {
      var top = field.split('.')[0];
      var slot = form.querySelector('[data-error-for="' + CSS.escape(field) + '"]') || form.querySelector('[data-error-for="' + CSS.escape(top) + '"]');
      if (slot) slot.textContent = fieldErrors[field].join('；');
      else unplaced.push(fieldErrors[field].join('；'));
    });
    var general = form.querySelector('.form-error');
    if (general) general.textContent = unplaced.length ? unplaced.join('；') : message || '';
  }

  // ------------------------------------------------------------------ login and navigation

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    me = null;
    Object.keys(pollTimers).forEach(function (k) { clearTimeout(pollTimers[k]); });
    $('app').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function enterApp(user) {
    me = user;
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = user.name + '（' + (ROLE_LABELS[user.role] || user.role) + '）';
    document.querySelectorAll('[data-role]').forEach(function (n) { n.hidden = !can(n.dataset.role); });
    document.querySelectorAll('[data-min-role]').forEach(function (n) { n.hidden = !can(n.dataset.minRole); });
    showView('dashboard');
    updateTicketBadge();
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = $('token-input').value.trim();
    if (!token) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    request('GET', '/me').then(function (user) {
      $('token-input').value = '';
      enterApp(user);
    }, function (err) {
      sessionStorage.removeItem(TOKEN_KEY);
      $('login-error').textContent = err.status === 401 ? '访问令牌无效，请核对后重新输入。' : err.message;
    });
  });

  $('logout').addEventListener('click', function () { logout('已退出登录。'); });

  var loaders = {};

  function showView(name) {
    document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + name; });
    document.querySelectorAll('.tabs button').forEach(function (b) {
      if (b.dataset.view === name) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    });
    if (loaders[name]) loaders[name]();
  }

  document.querySelectorAll('.tabs button').forEach(function (button) {
    button.addEventListener('click', function () { showView(button.dataset.view); });
  });

  // ------------------------------------------------------------------ dashboard

  var PALETTE = ['#1f5fa8', '#1d7a46', '#d9822b', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];

  function hasData(config) {
    return config.data.labels.length > 0 && config.data.datasets.some(function (d) { return d.data.some(function (v) { return v > 0; }); });
  }

  function drawChart(id, config) {
    if (charts[id]) charts[id].destroy();
    delete charts[id];
    var canvas = $(id);
    var box = canvas.parentNode;
    var note = box.querySelector('.chart-empty');
    if (!hasData(config)) {
      // Empty axes say nothing: say so in words.
      canvas.hidden = true;
      if (!note) box.appendChild(el('p', { className: 'chart-empty hint', text: '暂无数据' }));
      return;
    }
    canvas.hidden = false;
    if (note) note.remove();
    if (typeof Chart === 'undefined') return;
    charts[id] = new Chart(canvas, config);
  }

  loaders.dashboard = function () {
    request('GET', '/dashboard?days=14').then(function (d) {
      $('stat-subscribers').textContent = String(d.subscribers.total);
      $('stat-tickets').textContent = String(d.openTickets);
      $('stat-unanswered').textContent = String(d.openUnanswered);
      $('stat-questions').textContent = String(d.questionsPerDay.reduce(function (s, x) { return s + x.questions; }, 0));
      var wechat = d.wechat || {};
      $('stat-wechat').textContent = !wechat.enabled ? '未启用' : wechat.state === 'logged_in' ? '已登录' + (wechat.user ? '（' + wechat.user.name + '）' : '') : wechat.state === 'waiting_for_scan' ? '待扫码（见服务器终端）' : wechat.state;

      if (typeof Chart !== 'undefined') {
        Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
        Chart.defaults.animation = false;
      }
      var acts = d.signupsPerActivity;
      drawChart('chart-signups', {
        type: 'bar',
        data: {
          labels: acts.map(function (a) { return shorten(a.title, 12); }),
          datasets: [
            { label: '报名成功', data: acts.map(function (a) { return a.confirmed; }), backgroundColor: PALETTE[0] },
            { label: '已签到', data: acts.map(function (a) { return a.checkedIn; }), backgroundColor: PALETTE[1] },
            { label: '候补', data: acts.map(function (a) { return a.waitlisted; }), backgroundColor: PALETTE[2] },
          ],
        },
        options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
      });
      drawChart('chart-questions', {
        type: 'line',
        data: {
          labels: d.questionsPerDay.map(function (x) { return x.day.slice(5); }),
          datasets: [
            { label: '提问', data: d.questionsPerDay.map(function (x) { return x.questions; }), borderColor: PALETTE[0], backgroundColor: PALETTE[0], tension: 0.2 },
            { label: '未能回答', data: d.questionsPerDay.map(function (x) { return x.unanswered; }), borderColor: PALETTE[4], backgroundColor: PALETTE[4], tension: 0.2 },
          ],
        },
        options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
      drawChart('chart-topics', {
        type: 'bar',
        data: {
          labels: d.topTopics.map(function (t) { return shorten(t.topic, 14); }),
          datasets: [{ label: '提问次数', data: d.topTopics.map(function (t) { return t.count; }), backgroundColor: PALETTE[3] }],
        },
        options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    }, reportError);
  };

  // ------------------------------------------------------------------ activities

  var activityForm = $('activity-form');

  function loadActivities(status) {
    return request('GET', '/activities?limit=200' + (status ? '&status=' + encodeURIComponent(status) : '')).then(function (data) {
      if (!status) activitiesCache = data.items;
      return data.items;
    });
  }

  function fillActivitySelect(select, items, emptyLabel) {
    var current = select.value;
    select.replaceChildren(el('option', { value: '', text: emptyLabel }));
    items.forEach(function (a) {
      select.appendChild(el('option', { value: String(a.id), text: '#' + a.id + ' ' + a.title + '（' + (ACTIVITY_STATUS[a.status] || a.status) + '）' }));
    });
    select.value = current;
  }

  function resetActivityForm() {
    activityForm.reset();
    activityForm.elements.id.value = '';
    clearFieldErrors(activityForm);
    $('activity-form-title').textContent = '新建活动';
    $('activity-save').textContent = '保存为草稿';
  }

  function editActivity(a) {
    resetActivityForm();
    var f = activityForm.elements;
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
    activityForm.querySelectorAll('input[name="eligibleTiers"]').forEach(function (box) {
      box.checked = (a.eligibleTiers || []).indexOf(Number(box.value)) >= 0;
    });
    $('activity-form-title').textContent = '编辑活动 #' + a.id;
    $('activity-save').textContent = '保存修改';
    activityForm.scrollIntoView({ behavior: 'smooth' });
  }

  function activityBody() {
    var f = activityForm.elements;
    var tiers = [];
    activityForm.querySelectorAll('input[name="eligibleTiers"]:checked').forEach(function (box) { tiers.push(Number(box.value)); });
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

  activityForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearFieldErrors(activityForm);
    var id = activityForm.elements.id.value;
    var call = id ? request('PATCH', '/activities/' + id, activityBody()) : request('POST', '/activities', activityBody());
    call.then(function (saved) {
      toast(id ? '已保存修改。' : '已创建草稿：' + saved.title + '（编号 ' + saved.id + '），可在列表中发布。');
      resetActivityForm();
      renderActivities();
    }, function (err) { reportError(err, activityForm); });
  });

  $('activity-reset').addEventListener('click', resetActivityForm);
  $('activity-status-filter').addEventListener('change', function () { renderActivities(); });

  function activityAction(label, className, handler) {
    return el('button', { type: 'button', className: 'small ' + (className || ''), text: label, onclick: handler });
  }

  function renderActivities() {
    var status = $('activity-status-filter').value;
    return loadActivities(status).then(function (items) {
      var rows = items.map(function (a) {
        var actions = el('div', { className: 'row-actions' });
        if (can('editor') && a.status !== 'cancelled') {
          actions.appendChild(activityAction('编辑', 'secondary', function () { editActivity(a); }));
          if (a.status === 'draft') {
            actions.appendChild(activityAction('发布', '', function () {
              request('POST', '/activities/' + a.id + '/publish').then(function () {
                toast('已发布：' + a.title);
                renderActivities();
              }, reportError);
            }));
          }
          actions.appendChild(activityAction('取消活动', 'danger', function () {
            var reason = window.prompt('确定取消「' + a.title + '」吗？已报名的企业会收到取消通知。\n请填写取消原因（可留空）：', '');
            if (reason === null) return;
            request('POST', '/activities/' + a.id + '/cancel', { reason: reason }).then(function (r) {
              toast('已取消活动，' + r.registrationsCancelled + ' 条报名已通知。');
              renderActivities();
            }, reportError);
          }));
        }
        actions.appendChild(activityAction('报名名单', 'secondary', function () {
          $('reg-activity').value = String(a.id);
          showView('registrations');
        }));
        if (a.status === 'published' && can('editor')) {
          actions.appendChild(activityAction('发通知', 'secondary', function () {
            pendingNotifyActivity = String(a.id);
            showView('notifications');
          }));
        }
        return el('tr', null,
          el('td', { text: a.id }),
          el('td', { className: 'wrap', text: a.title }),
          el('td', { text: TYPE_LABELS[a.type] || a.type }),
          el('td', { text: showTime(a.startsAt) }),
          el('td', null, badge(a.status, ACTIVITY_STATUS)),
          el('td', { text: a.availability.taken + ' / ' + a.capacity + (a.availability.waitlisted ? '（候补 ' + a.availability.waitlisted + '）' : '') }),
          el('td', null, actions));
      });
      replaceWith($('activity-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 7, className: 'hint', text: '暂无活动' }))]);
    }, reportError);
  }

  loaders.activities = renderActivities;

  // ------------------------------------------------------------------ registrations

  function registrationQuery() {
    var params = new URLSearchParams();
    if ($('reg-activity').value) params.set('activityId', $('reg-activity').value);
    if ($('reg-status').value) params.set('status', $('reg-status').value);
    if ($('reg-search').value.trim()) params.set('search', $('reg-search').value.trim());
    return params;
  }

  function renderRegistrations() {
    var params = registrationQuery();
    params.set('limit', '500');
    return request('GET', '/registrations?' + params.toString()).then(function (data) {
      var titles = {};
      activitiesCache.forEach(function (a) { titles[a.id] = a.title; });
      $('reg-summary').textContent = '共 ' + data.total + ' 条' + (data.total > data.items.length ? '，显示前 ' + data.items.length + ' 条（完整名单请导出）' : '');
      var rows = data.items.map(function (r) {
        var action = el('div', { className: 'row-actions' });
        if (can('editor') && r.status === 'confirmed') {
          action.appendChild(activityAction('签到', '', function () {
            request('POST', '/registrations/' + r.id + '/check-in').then(function () {
              toast('已签到：' + r.enterpriseName);
              renderRegistrations();
            }, reportError);
          }));
        }
        if (can('editor') && r.status === 'waitlisted') {
          action.appendChild(activityAction('递补', 'secondary', function () {
            if (!window.confirm('确定将「' + r.enterpriseName + '」从候补转为报名成功吗？企业会收到通知。')) return;
            request('POST', '/registrations/' + r.id + '/promote').then(function () {
              toast('已递补：' + r.enterpriseName + '，已通知企业。');
              renderRegistrations();
            }, reportError);
          }));
        }
        if (can('editor') && (r.status === 'confirmed' || r.status === 'waitlisted')) {
          action.appendChild(activityAction('取消报名', 'danger', function () {
            var reason = window.prompt('取消「' + r.enterpriseName + '」的报名。请填写原因（将告知企业）：', '');
            if (reason === null) return;
            if (!reason.trim()) return toast('请填写取消原因。', true);
            request('POST', '/registrations/' + r.id + '/cancel', { reason: reason }).then(function (res) {
              toast('已取消并通知企业' + (res.promoted.length ? '；候补递补 ' + res.promoted.length + ' 家：' + res.promoted.map(function (p) { return p.enterpriseName; }).join('、') : '') + '。');
              renderRegistrations();
            }, reportError);
          }));
        }
        return el('tr', null,
          el('td', { text: r.id }),
          el('td', { className: 'wrap', text: titles[r.activityId] || '#' + r.activityId }),
          el('td', { className: 'wrap' }, r.enterpriseName, el('br'), el('span', { className: 'hint', text: r.creditCode })),
          el('td', { text: r.contactName || '（已删除）' }),
          el('td', { text: r.mobile || '（已删除）' }),
          el('td', { text: r.attendees }),
          el('td', null, badge(r.status, REG_STATUS), r.waitlistPosition ? ' 第 ' + r.waitlistPosition + ' 位' : '', r.cancelNote ? el('div', { className: 'hint', text: '原因：' + r.cancelNote }) : null),
          el('td', { text: showTime(r.registeredAt) }),
          el('td', null, action));
      });
      replaceWith($('reg-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 9, className: 'hint', text: '暂无报名' }))]);
    }, reportError);
  }

  loaders.registrations = function () {
    loadActivities().then(function (items) {
      fillActivitySelect($('reg-activity'), items, '全部活动');
      renderRegistrations();
    }, reportError);
  };
  $('reg-refresh').addEventListener('click', renderRegistrations);
  $('reg-activity').addEventListener('change', renderRegistrations);
  $('reg-status').addEventListener('change', renderRegistrations);

  function exportRegistrations(ext) {
    fetch(API + '/registrations/export.' + ext + '?' + registrationQuery().toString(), {
      headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) },
      cache: 'no-store',
    }).then(function (res) {
      if (!res.ok) return res.json().then(function (d) { throw new ApiError(res.status, (d && d.error && d.error.message) || '导出失败'); });
      return res.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var link = el('a', { href: url, download: '报名名单' + ($('reg-activity').value ? '-活动' + $('reg-activity').value : '') + '.' + ext });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
    }).catch(reportError);
  }
  $('reg-export').addEventListener('click', function () { exportRegistrations('csv'); });
  $('reg-export-xlsx').addEventListener('click', function () { exportRegistrations('xlsx'); });

  $('checkin-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var activityId = $('reg-activity').value;
    var code = $('checkin-code').value.trim();
    if (!activityId) return toast('请先选择活动。', true);
    if (!code) return toast('请输入统一社会信用代码。', true);
    request('POST', '/activities/' + activityId + '/check-in', { creditCode: code }).then(function (r) {
      toast('签到成功：' + r.enterpriseName);
      $('checkin-code').value = '';
      renderRegistrations();
    }, reportError);
  });

  // ------------------------------------------------------------------ notifications

  var notifyForm = $('notify-form');

  function checkedValues(name, asNumber) {
    var values = [];
    notifyForm.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { values.push(asNumber ? Number(box.value) : box.value); });
    return values;
  }

  function notificationBody() {
    var audience = {};
    var tiers = checkedValues('tiers', true);
    var types = checkedValues('activityTypes');
    var channels = checkedValues('channels');
    if (tiers.length) audience.tiers = tiers;
    if (types.length) audience.activityTypes = types;
    if (channels.length) audience.channels = channels;
    if (notifyForm.elements.registrantsOf.value) audience.registrantsOf = Number(notifyForm.elements.registrantsOf.value);
    var body = { text: notifyForm.elements.text.value, audience: audience };
    if (notifyForm.elements.activityId.value) body.activityId = Number(notifyForm.elements.activityId.value);
    return body;
  }

  var previewTimer = null;
  var pendingNotifyActivity = '';
  var previewCount = 0;

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(runPreview, 300);
  }

  function runPreview() {
    clearFieldErrors(notifyForm);
    request('POST', '/notifications/preview', notificationBody()).then(function (p) {
      previewCount = p.recipients;
      $('notify-count').textContent = p.recipients + ' 位订阅用户';
      $('notify-by-channel').textContent = Object.keys(p.byChannel).map(function (c) { return channelLabel(c) + ' ' + p.byChannel[c]; }).join('，');
      var text = p.message + (p.actions.length ? '\n[按钮] ' + p.actions.join(' / ') : '');
      $('notify-preview').textContent = notifyForm.elements.text.value.trim() ? text : '';
      replaceWith($('notify-warnings'), (p.warnings || []).map(function (w) { return el('li', { text: w }); }));
    }, function (err) { reportError(err, notifyForm); });
  }

  notifyForm.addEventListener('input', schedulePreview);
  notifyForm.addEventListener('change', schedulePreview);

  notifyForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearFieldErrors(notifyForm);
    if (!notifyForm.elements.text.value.trim()) return showFieldErrors(notifyForm, { text: ['请填写通知内容'] });
    if (!previewCount) return toast('当前接收范围内没有订阅用户，请调整后再发送。', true);
    if (!window.confirm('确定向 ' + previewCount + ' 位订阅用户发送这条通知吗？发送后不能撤回。')) return;
    $('notify-send').disabled = true;
    request('POST', '/notifications', notificationBody()).then(function (r) {
      toast('通知已提交，正在发送给 ' + r.recipients + ' 位用户。');
      notifyForm.elements.text.value = '';
      $('notify-preview').textContent = '';
      renderNotifications().then(function () { showNotification(r.id); });
    }, function (err) { reportError(err, notifyForm); }).then(function () { $('notify-send').disabled = false; });
  });

  function renderChannelChoices() {
    return request('GET', '/subscribers').then(function (s) {
      var box = $('notify-channels');
      var chosen = checkedValues('channels');
      var ids = Object.keys(s.byChannel);
      ['directline', 'wechat'].forEach(function (c) { if (ids.indexOf(c) < 0) ids.push(c); });
      box.replaceChildren(el('legend', { text: '渠道（不选为全部；共 ' + s.total + ' 位订阅用户）' }));
      ids.forEach(function (c) {
        var input = el('input', { type: 'checkbox', name: 'channels', value: c });
        input.checked = chosen.indexOf(c) >= 0;
        box.appendChild(el('label', null, input, ' ' + channelLabel(c) + '（' + (s.byChannel[c] || 0) + '）'));
      });
    });
  }

  function renderNotifications() {
    return request('GET', '/notifications?limit=30').then(function (data) {
      var rows = data.items.map(function (n) {
        return el('tr', { dataset: { id: String(n.id) } },
          el('td', null, el('button', { type: 'button', className: 'link', text: '#' + n.id, onclick: function () { showNotification(n.id); } })),
          el('td', { className: 'wrap', text: shorten(n.text, 40) }),
          el('td', { text: n.createdBy }),
          el('td', { text: showTime(n.createdAt) }),
          el('td', { text: n.recipients }),
          el('td', { text: n.totals.sent }),
          el('td', { text: n.totals.queued + n.totals.sending }),
          el('td', { text: n.totals.failed + (n.totals.unknown ? '（未知 ' + n.totals.unknown + '）' : '') }),
          el('td', null, badge(n.state === 'done' ? 'done' : 'sending', { done: '已完成', sending: '发送中' })));
      });
      replaceWith($('notify-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 9, className: 'hint', text: '还没有发送过通知' }))]);
    }, reportError);
  }

  function showNotification(id) {
    clearTimeout(pollTimers.notification);
    request('GET', '/notifications/' + id).then(function (n) {
      var box = $('notify-detail');
      box.hidden = false;
      var channelRows = Object.keys(n.byChannel).map(function (c) {
        var x = n.byChannel[c];
        return el('tr', { dataset: { channel: c } }, el('td', { text: channelLabel(c) }), el('td', { text: x.queued }), el('td', { text: x.sending }), el('td', { text: x.sent }),
          el('td', { text: x.failed }), el('td', { text: x.unknown }), el('td', { text: x.expired }), el('td', { text: x.skipped }));
      });
      var retry = null;
      if (can('editor') && (n.totals.failed || n.totals.unknown)) {
        retry = el('div', { className: 'actions' },
          n.totals.failed ? el('button', { type: 'button', className: 'secondary', text: '重发失败的 ' + n.totals.failed + ' 条', onclick: function () {
            request('POST', '/notifications/' + n.id + '/retry', {}).then(function (r) { toast('已重新排队 ' + r.requeued + ' 条。'); showNotification(n.id); }, reportError);
          } }) : null,
          n.totals.unknown ? el('button', { type: 'button', className: 'secondary', text: '也重发结果未知的 ' + n.totals.unknown + ' 条（可能重复）', onclick: function () {
            if (!window.confirm('结果未知的消息可能已送达，重发可能让对方收到两次。确定重发吗？')) return;
            request('POST', '/notifications/' + n.id + '/retry', { includeUnknown: true }).then(function (r) { toast('已重新排队 ' + r.requeued + ' 条。'); showNotification(n.id); }, reportError);
          } }) : null);
      }
      replaceWith(box, [
        el('h3', { text: '通知 #' + n.id + ' 的送达情况' }),
        el('p', null, badge(n.state === 'done' ? 'done' : 'sending', { done: '已完成', sending: '发送中' }), ' 接收人数 ' + n.recipients + '，发送人 ' + n.createdBy + '，' + showTime(n.createdAt)),
        el('table', { className: 'data', id: 'notify-status-table' },
          el('thead', null, el('tr', null, el('th', { text: '渠道' }), el('th', { text: '排队中' }), el('th', { text: '发送中' }), el('th', { text: '已送达' }), el('th', { text: '失败' }), el('th', { text: '结果未知' }), el('th', { text: '已过期' }), el('th', { text: '已跳过（已退订）' }))),
          el('tbody', null, channelRows)),
        n.failures.length ? el('details', { open: true }, el('summary', { text: '失败、未知与待重试明细（' + n.failures.length + '）' }),
          el('ul', null, n.failures.map(function (f) { return el('li', { text: channelLabel(f.channelId) + ' · ' + f.refKey + ' · ' + (PUSH_STATUS[f.status] || f.status) + ' · 第 ' + f.attempts + ' 次：' + f.reason }); }))) : null,
        retry,
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
      var rows = data.lanes.map(function (l) {
        var extra = l.extra || {};
        var state = l.ready ? '可发送' : '暂停';
        if (extra.login) state = (LOGIN_STATE[extra.login] || extra.login) + (extra.user ? '（' + extra.user + '）' : '') + (l.ready ? '' : '，暂停发送');
        return el('tr', { dataset: { channel: l.channel } },
          el('td', { text: channelLabel(l.channel) }), el('td', { text: state }),
          el('td', { text: l.queued + l.sending }),
          el('td', { text: l.sentToday + (l.dailyCap ? ' / ' + l.dailyCap : '') }),
          el('td', { text: l.failed }), el('td', { text: l.unknown }));
      });
      replaceWith($('lane-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 6, className: 'hint', text: '暂无数据' }))]);
      return renderDeliveryProblems();
    }, reportError);
  }

  /** Failed, unknown and retrying messages of every kind (reminders, promotions, ticket replies…). */
  function renderDeliveryProblems() {
    return request('GET', '/delivery/problems?limit=50').then(function (data) {
      var box = $('delivery-problems');
      if (!data.items.length) return replaceWith(box, []);
      var failed = data.items.filter(function (p) { return p.status === 'failed'; }).map(function (p) { return p.id; });
      replaceWith(box, [el('details', null,
        el('summary', { text: '最近未送达的消息（全部类型，' + data.items.length + ' 条）' }),
        el('ul', null, data.items.map(function (p) {
          return el('li', { text: (KIND_LABELS[p.kind] || p.kind) + ' · ' + channelLabel(p.channelId) + ' · ' + p.refKey + ' · ' + (PUSH_STATUS[p.status] || p.status) + ' · 第 ' + p.attempts + ' 次：' + p.reason });
        })),
        can('editor') && failed.length ? el('button', { type: 'button', className: 'secondary', text: '重发其中失败的 ' + failed.length + ' 条', onclick: function () {
          request('POST', '/delivery/retry', { ids: failed }).then(function (r) { toast('已重新排队 ' + r.requeued + ' 条。'); renderLanes(); }, reportError);
        } }) : null)]);
    }, reportError);
  }

  loaders.notifications = function () {
    loadActivities().then(function (items) {
      fillActivitySelect($('notify-activity'), items.filter(function (a) { return a.status === 'published'; }), '不关联');
      fillActivitySelect($('notify-registrants'), items.filter(function (a) { return a.status !== 'cancelled'; }), '不限');
      if (pendingNotifyActivity) $('notify-activity').value = pendingNotifyActivity;
      pendingNotifyActivity = '';
      return renderChannelChoices();
    }).then(function () {
      schedulePreview();
      renderLanes();
      return renderNotifications();
    }).catch(reportError);
  };

  // ------------------------------------------------------------------ unanswered questions

  function renderUnanswered() {
    var include = $('unanswered-include-resolved').checked;
    return request('GET', '/unanswered?days=90' + (include ? '&includeResolved=true' : '')).then(function (data) {
      $('unanswered-summary').textContent = '近 90 天共 ' + data.total + ' 条，归为 ' + data.groups.length + ' 组（按提问次数排序）。';
      var items = data.groups.map(function (g) {
        var box = el('input', { type: 'checkbox', 'aria-label': '选择此组', dataset: { ids: g.ids.join(',') } });
        box.disabled = g.resolved || !can('editor');
        return el('li', null, box,
          el('div', { className: 'group-body' },
            el('div', { className: 'group-text', text: g.text }),
            el('div', { className: 'hint' },
              badge(g.resolved ? 'done' : 'open', { done: '已处理', open: '待处理' }),
              ' ' + g.count + ' 次 · ' + g.channels.map(channelLabel).join('、') + ' · 最近 ' + showTime(g.lastAt),
              g.nearTopics.length ? ' · 相近条目：' + g.nearTopics.join('、') : ''),
            g.count > 1 ? el('details', null, el('summary', { text: '全部问法' }),
              el('ul', null, g.items.map(function (i) { return el('li', { text: showTime(i.createdAt) + '  ' + i.text }); }))) : null));
      });
      replaceWith($('unanswered-groups'), items.length ? items : [el('li', { className: 'hint', text: '没有未解答的问题。' })]);
    }, reportError);
  }

  loaders.unanswered = renderUnanswered;
  $('unanswered-include-resolved').addEventListener('change', renderUnanswered);
  $('unanswered-resolve').addEventListener('click', function () {
    var ids = [];
    document.querySelectorAll('#unanswered-groups input[type="checkbox"]:checked').forEach(function (box) {
      box.dataset.ids.split(',').forEach(function (id) { ids.push(Number(id)); });
    });
    if (!ids.length) return toast('请先勾选要标记的问题组。', true);
    request('POST', '/unanswered/resolve', { ids: ids }).then(function (r) {
      toast('已标记 ' + r.resolved + ' 条为已处理。');
      renderUnanswered();
    }, reportError);
  });

  // ------------------------------------------------------------------ tickets

  var currentTicket = null;

  function renderTickets() {
    var status = $('ticket-status').value;
    return request('GET', '/tickets?limit=100' + (status ? '&status=' + status : '')).then(function (data) {
      var items = data.items.map(function (t) {
        var button = el('button', { type: 'button', onclick: function () { showTicket(t.id); } },
          el('strong', { text: '#' + t.id + ' ' }), badge(t.status, TICKET_STATUS), ' ' + shorten(t.question, 30),
          el('div', { className: 'hint', text: companyText(t) + channelLabel(t.channelId) + ' · ' + showTime(t.createdAt) }));
        if (t.status === 'open' && t.id > seenTicket()) button.appendChild(el('span', { className: 'tab-badge', text: '新' }));
        if (currentTicket === t.id) button.setAttribute('aria-current', 'true');
        return el('li', null, button);
      });
      replaceWith($('ticket-list'), items.length ? items : [el('li', { className: 'hint', text: '没有工单。' })]);
      var newest = data.items.reduce(function (m, t) { return Math.max(m, t.id); }, 0);
      if (newest > seenTicket()) localStorage.setItem(SEEN_TICKET_KEY, String(newest));
      updateTicketBadge();
    }, reportError);
  }

  var SEEN_TICKET_KEY = 'huibot.admin.seenTicket';
  var BASE_TITLE = document.title;
  function seenTicket() { return Number(localStorage.getItem(SEEN_TICKET_KEY) || 0); }
  function companyText(t) {
    if (!t.company || !t.company.name) return '';
    return t.company.name + (t.company.tier ? '（' + TIER_LABELS[t.company.tier] + '）' : '') + ' · ';
  }

  /** New open tickets (not yet listed in this browser): a badge on the tab and in the page title. */
  function updateTicketBadge() {
    if (!me) return;
    request('GET', '/tickets?status=open&limit=200').then(function (data) {
      var seen = seenTicket();
      var fresh = data.items.filter(function (t) { return t.id > seen; }).length;
      var badgeNode = $('ticket-badge');
      badgeNode.hidden = fresh === 0;
      badgeNode.textContent = String(fresh);
      document.title = fresh ? '（' + fresh + ' 条新工单）' + BASE_TITLE : BASE_TITLE;
    }, function () { /* shown on the next try */ });
    clearTimeout(pollTimers.ticketBadge);
    pollTimers.ticketBadge = setTimeout(updateTicketBadge, 15000);
  }

  function transcriptLine(role, who, text, extra) {
    return el('div', { className: 'line ' + role }, el('span', { className: 'who', text: who }), text, extra || null);
  }

  function showTicket(id) {
    currentTicket = id;
    clearTimeout(pollTimers.ticket);
    request('GET', '/tickets/' + id).then(function (t) {
      var pane = $('ticket-detail');
      var contact = t.contactName ? t.contactName + ' ' + (t.mobile || '') : '在会话中回复';
      var transcript = el('div', { className: 'transcript', 'aria-label': '会话记录' },
        // Newest first: the latest messages (what the user finally asked) are what an official reads first.
        t.transcript.length ? t.transcript.slice().reverse().map(function (l) { return transcriptLine(l.role, l.role === 'user' ? '用户' : '助手', l.text + '  (' + showTime(l.at) + ')'); }) : el('p', { className: 'hint', text: '没有会话记录。' }));
      var messages = el('div', { className: 'transcript', 'aria-label': '工单往来' },
        t.messages.length ? t.messages.map(function (m) {
          var delivery = m.delivery ? el('span', { className: 'hint' }, ' ', badge(m.delivery.status, PUSH_STATUS), m.delivery.error ? ' ' + m.delivery.error : '') : null;
          return transcriptLine(m.author, m.author === 'official' ? '服务专员 ' + (m.authorName || '') : '用户补充', m.text + '  (' + showTime(m.createdAt) + ')', delivery);
        }) : el('p', { className: 'hint', text: '还没有回复。' }));
      var children = [
        el('h2', null, '工单 #' + t.id + ' ', badge(t.status, TICKET_STATUS)),
        el('p', { className: 'hint', text: channelLabel(t.channelId) + ' · 创建于 ' + showTime(t.createdAt) + (t.closedAt ? ' · 关闭于 ' + showTime(t.closedAt) + '（' + (t.closedBy || '') + '）' : '') }),
        el('p', null, el('strong', { text: '企业：' }), t.company && t.company.name ? t.company.name + (t.company.tier ? '（' + TIER_LABELS[t.company.tier] + '）' : '') + (t.company.source === 'profile' ? '，来自企业信息' : '，来自最近报名') : '未知（用户未提供企业信息）'),
        el('p', null, el('strong', { text: '问题：' }), t.question),
        el('p', null, el('strong', { text: '联系方式：' }), contact),
        el('h3', { text: '转人工前的会话（最新在上）' }), transcript,
        el('h3', { text: '回复记录' }), messages,
      ];
      if (can('editor') && t.status !== 'closed') {
        var area = el('textarea', { rows: 4, maxlength: 2000, id: 'ticket-reply-text', placeholder: '回复会发送到用户的会话中（网页聊天、微信等）' });
        var error = el('p', { className: 'error', role: 'alert' });
        var send = el('button', { type: 'button', id: 'ticket-reply-send', text: '发送回复', onclick: function () {
          error.textContent = '';
          request('POST', '/tickets/' + t.id + '/reply', { text: area.value }).then(function () {
            toast('回复已提交发送。');
            showTicket(t.id);
            renderTickets();
          }, function (err) {
            error.textContent = err.details && err.details.fieldErrors ? Object.keys(err.details.fieldErrors).map(function (k) { return err.details.fieldErrors[k].join('；'); }).join('；') : err.message;
          });
        } });
        var close = el('button', { type: 'button', className: 'secondary', text: '关闭工单', onclick: function () {
          if (!window.confirm('确定关闭工单 #' + t.id + ' 吗？关闭后不能再回复。')) return;
          request('POST', '/tickets/' + t.id + '/close').then(function () {
            toast('工单已关闭。');
            showTicket(t.id);
            renderTickets();
          }, reportError);
        } });
        children.push(el('label', null, '回复用户', area), error, el('div', { className: 'actions' }, send, close));
      }
      replaceWith(pane, children);
      var pending = t.messages.some(function (m) { return m.delivery && (m.delivery.status === 'queued' || m.delivery.status === 'sending'); });
      if (pending) pollTimers.ticket = setTimeout(function () { if (currentTicket === t.id && !$('view-tickets').hidden) showTicket(t.id); }, 1000);
    }, reportError);
  }

  loaders.tickets = renderTickets;
  $('ticket-status').addEventListener('change', renderTickets);

  // ------------------------------------------------------------------ tokens and audit log

  var tokenForm = $('token-form');

  function renderTokens() {
    return request('GET', '/tokens').then(function (data) {
      var rows = data.items.map(function (t) {
        var action = t.revokedAt ? null : el('button', { type: 'button', className: 'small danger', text: '吊销', onclick: function () {
          if (!window.confirm('确定吊销令牌「' + t.name + '」吗？使用它的人将立即无法登录。')) return;
          request('DELETE', '/tokens/' + t.id).then(function () { toast('已吊销。'); renderTokens(); }, reportError);
        } });
        return el('tr', null,
          el('td', { text: t.id }), el('td', { text: t.name }), el('td', { text: ROLE_LABELS[t.role] || t.role }),
          el('td', { text: showTime(t.createdAt) + '（' + t.createdBy + '）' }), el('td', { text: showTime(t.lastUsedAt) || '—' }),
          el('td', null, t.revokedAt ? badge('cancelled', { cancelled: '已吊销' }) : badge('published', { published: '有效' })),
          el('td', null, action));
      });
      replaceWith($('token-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 7, className: 'hint', text: '数据库中还没有令牌' }))]);
      $('token-env').textContent = data.fromEnvironment.length
        ? '另有 ' + data.fromEnvironment.length + ' 个令牌来自环境变量 ADMIN_TOKENS：' + data.fromEnvironment.map(function (t) { return t.name + '（' + (ROLE_LABELS[t.role] || t.role) + '）'; }).join('、') + '（修改需更改服务器配置）'
        : '';
    }, reportError);
  }

  tokenForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearFieldErrors(tokenForm);
    $('token-created').hidden = true;
    request('POST', '/tokens', { name: tokenForm.elements.name.value, role: tokenForm.elements.role.value }).then(function (t) {
      var box = $('token-created');
      box.replaceChildren('已创建令牌「' + t.name + '」。请立即复制保存，它只显示这一次：', el('br'), el('code', { text: t.token }));
      box.hidden = false;
      tokenForm.elements.name.value = '';
      renderTokens();
    }, function (err) { reportError(err, tokenForm); });
  });

  loaders.tokens = function () {
    $('token-created').hidden = true;
    renderTokens();
  };

  loaders.audit = function () {
    request('GET', '/audit?limit=200').then(function (data) {
      var rows = data.items.map(function (e) {
        return el('tr', null,
          el('td', { text: showTime(e.at) }), el('td', { text: e.actor }), el('td', { text: ROLE_LABELS[e.role] || e.role }),
          el('td', { text: e.actionLabel || e.action }), el('td', { text: e.targetLabel || e.target || '' }),
          el('td', { className: 'wrap', text: e.summary || (e.details === undefined ? '' : JSON.stringify(e.details)) }));
      });
      replaceWith($('audit-rows'), rows.length ? rows : [el('tr', null, el('td', { colspan: 6, className: 'hint', text: '暂无记录' }))]);
    }, reportError);
  };

  // ------------------------------------------------------------------ start

  if (sessionStorage.getItem(TOKEN_KEY)) {
    request('GET', '/me').then(enterApp, function () { logout(''); });
  }
})();
