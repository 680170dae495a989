/* 概览: counts and the three charts (Chart.js, loaded by its own script tag before the modules). */
import { request } from './api.js';
import { $, el, reportError, shorten } from './dom.js';
import { label } from './session.js';
import { onView } from './nav.js';

const PALETTE = ['#1f5fa8', '#1d7a46', '#d9822b', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];
const charts = {};

function hasData(config) {
  return config.data.labels.length > 0 && config.data.datasets.some(function (d) { return d.data.some(function (v) { return v > 0; }); });
}

function drawChart(id, config) {
  if (charts[id]) charts[id].destroy();
  delete charts[id];
  const canvas = $(id);
  const box = canvas.parentNode;
  const note = box.querySelector('.chart-empty');
  if (!hasData(config)) {
    // Empty axes say nothing: say so in words.
    canvas.hidden = true;
    if (!note) box.appendChild(el('p', { className: 'chart-empty hint', text: '暂无数据' }));
    return;
  }
  canvas.hidden = false;
  if (note) note.remove();
  if (typeof window.Chart === 'undefined') return;
  charts[id] = new window.Chart(canvas, config);
}

function wechatText(wechat) {
  if (!wechat.enabled) return label('wechatLogin', 'disabled');
  if (wechat.state === 'logged_in') return label('wechatLogin', wechat.state) + (wechat.user ? '（' + wechat.user.name + '）' : '');
  if (wechat.state === 'waiting_for_scan') return label('wechatLogin', wechat.state) + '（见服务器终端）';
  return label('wechatLogin', wechat.state);
}

function loadDashboard() {
  request('GET', '/dashboard?days=14').then(function (d) {
    $('stat-subscribers').textContent = String(d.subscribers.total);
    $('stat-tickets').textContent = String(d.openTickets);
    $('stat-unanswered').textContent = String(d.openUnanswered);
    $('stat-questions').textContent = String(d.questionsPerDay.reduce(function (s, x) { return s + x.questions; }, 0));
    $('stat-wechat').textContent = wechatText(d.wechat || {});

    if (typeof window.Chart !== 'undefined') {
      window.Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
      window.Chart.defaults.animation = false;
    }
    const acts = d.signupsPerActivity;
    drawChart('chart-signups', {
      type: 'bar',
      data: {
        labels: acts.map(function (a) { return shorten(a.title, 12); }),
        datasets: [
          { label: label('registrationStatuses', 'confirmed'), data: acts.map(function (a) { return a.confirmed; }), backgroundColor: PALETTE[0] },
          { label: label('registrationStatuses', 'checked_in'), data: acts.map(function (a) { return a.checkedIn; }), backgroundColor: PALETTE[1] },
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
}

onView('dashboard', loadDashboard);
