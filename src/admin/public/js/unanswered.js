/* 未解答问题: the Q&A fallbacks, grouped; editors mark groups as handled. */
import { request } from './api.js';
import { $, el, replaceWith, reportError, showTime, toast } from './dom.js';
import { can, channelLabel } from './session.js';
import { onView } from './nav.js';

function renderUnanswered() {
  const include = $('unanswered-include-resolved').checked;
  return request('GET', '/unanswered?days=90' + (include ? '&includeResolved=true' : '')).then(function (data) {
    $('unanswered-summary').textContent = '近 90 天共 ' + data.total + ' 条，归为 ' + data.groups.length + ' 组（按提问次数排序）。';
    const items = data.groups.map(function (g) {
      const box = el('input', { type: 'checkbox', 'aria-label': '选择此组', dataset: { ids: g.ids.join(',') } });
      box.disabled = g.resolved || !can('editor');
      return el('li', null, box,
        el('div', { className: 'group-body' },
          el('div', { className: 'group-text', text: g.text }),
          el('div', { className: 'hint' },
            el('span', { className: 'badge ' + (g.resolved ? 'done' : 'open'), text: g.resolved ? '已处理' : '待处理' }),
            ' ' + g.count + ' 次 · ' + g.channels.map(channelLabel).join('、') + ' · 最近 ' + showTime(g.lastAt),
            g.nearTopics.length ? ' · 相近条目：' + g.nearTopics.join('、') : ''),
          g.count > 1 ? el('details', null, el('summary', { text: '全部问法' }),
            el('ul', null, g.items.map(function (i) { return el('li', { text: showTime(i.createdAt) + '  ' + i.text }); }))) : null));
    });
    replaceWith($('unanswered-groups'), items.length ? items : [el('li', { className: 'hint', text: '没有未解答的问题。' })]);
  }, reportError);
}

onView('unanswered', renderUnanswered);
$('unanswered-include-resolved').addEventListener('change', renderUnanswered);
$('unanswered-resolve').addEventListener('click', function () {
  const ids = [];
  document.querySelectorAll('#unanswered-groups input[type="checkbox"]:checked').forEach(function (box) {
    box.dataset.ids.split(',').forEach(function (id) { ids.push(Number(id)); });
  });
  if (!ids.length) return toast('请先勾选要标记的问题组。', true);
  request('POST', '/unanswered/resolve', { ids: ids }).then(function (r) {
    toast('已标记 ' + r.resolved + ' 条为已处理。');
    renderUnanswered();
  }, reportError);
});
