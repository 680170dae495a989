/* The tabs: each view module registers its loader; showView hides the others and runs it. */
const loaders = {};

export function onView(name, loader) {
  loaders[name] = loader;
}

/** Shows one view; `options` go to its loader (e.g. { activityId } to open it on one activity). */
export function showView(name, options) {
  document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + name; });
  document.querySelectorAll('.tabs button').forEach(function (b) {
    if (b.dataset.view === name) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  });
  if (loaders[name]) loaders[name](options || {});
}
