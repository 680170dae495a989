/* 人工工单: the hand-off tickets, one ticket's transcript and replies, and the "new tickets" badge (polled every 15 s). */
import { request } from './api.js';
import { $, badge, el, replaceWith, reportError, shorten, showTime, toast } from './dom.js';
import { can, channelLabel, label, labels, pollTimers, session } from './session.js';
import { onView } from './nav.js';

const SEEN_TICKET_KEY = 'huibot.admin.seenTicket';
const BASE_TITLE = document.title;
let currentTicket = null;

function seenTicket() { return Number(localStorage.getItem(SEEN_TICKET_KEY) || 0); }

function companyName(company) {
  return company.name + (company.tier ? '（' + label('tiers', company.tier) + '）' : '');
}

function companyText(t) {
  if (!t.company || !t.company.name) return '';
  return companyName(t.company) + ' · ';
}

function renderTickets() {
  const status = $('ticket-status').value;
  return request('GET', '/tickets?limit=100' + (status ? '&status=' + status : '')).then(function (data) {
    const items = data.items.map(function (t) {
      const button = el('button', { type: 'button', onclick: function () { showTicket(t.id); } },
        el('strong', { text: '#' + t.id + ' ' }), badge(t.status, labels('ticketStatuses')), ' ' + shorten(t.question, 30),
        el('div', { className: 'hint', text: companyText(t) + channelLabel(t.channelId) + ' · ' + showTime(t.createdAt) }));
      if (t.status === 'open' && t.id > seenTicket()) button.appendChild(el('span', { className: 'tab-badge', text: '新' }));
      if (currentTicket === t.id) button.setAttribute('aria-current', 'true');
      return el('li', null, button);
    });
    replaceWith($('ticket-list'), items.length ? items : [el('li', { className: 'hint', text: '没有工单。' })]);
    const newest = data.items.reduce(function (m, t) { return Math.max(m, t.id); }, 0);
    if (newest > seenTicket()) localStorage.setItem(SEEN_TICKET_KEY, String(newest));
    updateTicketBadge();
  }, reportError);
}

/** New open tickets (not yet listed in this browser): a badge on the tab and in the page title. */
export function updateTicketBadge() {
  if (!session.me) return;
  request('GET', '/tickets?status=open&limit=200').then(function (data) {
    const seen = seenTicket();
    const fresh = data.items.filter(function (t) { return t.id > seen; }).length;
    const badgeNode = $('ticket-badge');
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

function replyForm(t) {
  const area = el('textarea', { rows: 4, maxlength: 2000, id: 'ticket-reply-text', placeholder: '回复会发送到用户的会话中（网页聊天、微信等）' });
  const error = el('p', { className: 'error', role: 'alert' });
  const send = el('button', { type: 'button', id: 'ticket-reply-send', text: '发送回复', onclick: function () {
    error.textContent = '';
    request('POST', '/tickets/' + t.id + '/reply', { text: area.value }).then(function () {
      toast('回复已提交发送。');
      showTicket(t.id);
      renderTickets();
    }, function (err) {
      error.textContent = err.details && err.details.fieldErrors ? Object.keys(err.details.fieldErrors).map(function (k) { return err.details.fieldErrors[k].join('；'); }).join('；') : err.message;
    });
  } });
  const close = el('button', { type: 'button', className: 'secondary', text: '关闭工单', onclick: function () {
    if (!window.confirm('确定关闭工单 #' + t.id + ' 吗？关闭后不能再回复。')) return;
    request('POST', '/tickets/' + t.id + '/close').then(function () {
      toast('工单已关闭。');
      showTicket(t.id);
      renderTickets();
    }, reportError);
  } });
  return [el('label', null, '回复用户', area), error, el('div', { className: 'actions' }, send, close)];
}

function showTicket(id) {
  currentTicket = id;
  clearTimeout(pollTimers.ticket);
  request('GET', '/tickets/' + id).then(function (t) {
    const statuses = labels('ticketStatuses');
    const contact = t.contactName ? t.contactName + ' ' + (t.mobile || '') : '在会话中回复';
    const transcript = el('div', { className: 'transcript', 'aria-label': '会话记录' },
      // Newest first: the latest messages (what the user finally asked) are what an official reads first.
      t.transcript.length ? t.transcript.slice().reverse().map(function (l) { return transcriptLine(l.role, l.role === 'user' ? '用户' : '助手', l.text + '  (' + showTime(l.at) + ')'); }) : el('p', { className: 'hint', text: '没有会话记录。' }));
    const messages = el('div', { className: 'transcript', 'aria-label': '工单往来' },
      t.messages.length ? t.messages.map(function (m) {
        const delivery = m.delivery ? el('span', { className: 'hint' }, ' ', badge(m.delivery.status, labels('deliveryStates')), m.delivery.error ? ' ' + m.delivery.error : '') : null;
        return transcriptLine(m.author, m.author === 'official' ? '服务专员 ' + (m.authorName || '') : '用户补充', m.text + '  (' + showTime(m.createdAt) + ')', delivery);
      }) : el('p', { className: 'hint', text: '还没有回复。' }));
    const children = [
      el('h2', null, '工单 #' + t.id + ' ', badge(t.status, statuses)),
      el('p', { className: 'hint', text: channelLabel(t.channelId) + ' · 创建于 ' + showTime(t.createdAt) + (t.closedAt ? ' · 关闭于 ' + showTime(t.closedAt) + '（' + (t.closedBy || '') + '）' : '') }),
      el('p', null, el('strong', { text: '企业：' }), t.company && t.company.name ? companyName(t.company) + (t.company.source === 'profile' ? '，来自企业信息' : '，来自最近报名') : '未知（用户未提供企业信息）'),
      el('p', null, el('strong', { text: '问题：' }), t.question),
      el('p', null, el('strong', { text: '联系方式：' }), contact),
      el('h3', { text: '转人工前的会话（最新在上）' }), transcript,
      el('h3', { text: '回复记录' }), messages,
    ];
    if (can('editor') && t.status !== 'closed') children.push(replyForm(t));
    replaceWith($('ticket-detail'), children);
    const pending = t.messages.some(function (m) { return m.delivery && (m.delivery.status === 'queued' || m.delivery.status === 'sending'); });
    if (pending) pollTimers.ticket = setTimeout(function () { if (currentTicket === t.id && !$('view-tickets').hidden) showTicket(t.id); }, 1000);
  }, reportError);
}

onView('tickets', renderTickets);
$('ticket-status').addEventListener('change', renderTickets);
