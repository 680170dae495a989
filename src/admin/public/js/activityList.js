/* The activity list shared by the views that pick an activity (registrations, notifications). */
import { request } from './api.js';
import { el } from './dom.js';
import { label } from './session.js';

let cache = [];

/** Activities (all, or of one status); the full list is remembered for titles. */
export function loadActivities(status) {
  return request('GET', '/activities?limit=200' + (status ? '&status=' + encodeURIComponent(status) : '')).then(function (data) {
    if (!status) cache = data.items;
    return data.items;
  });
}

/** The title of each known activity, by id. */
export function activityTitles() {
  const titles = {};
  cache.forEach(function (a) { titles[a.id] = a.title; });
  return titles;
}

export function fillActivitySelect(select, items, emptyLabel) {
  const current = select.value;
  select.replaceChildren(el('option', { value: '', text: emptyLabel }));
  items.forEach(function (a) {
    select.appendChild(el('option', { value: String(a.id), text: '#' + a.id + ' ' + a.title + '（' + label('activityStatuses', a.status) + '）' }));
  });
  select.value = current;
}
