'use strict';
// Live updates: the page follows the service's server-sent events (/api/changes) and shows the polled feeds (/api/feeds).
// Kept apart from app.js, whose route() it calls to redraw the view in place.

(function () {
  let pending = null;

  // Redraw the list on any change; an event's page only when that event changed (an editor's choice in progress stays).
  function redraw(changed) {
    const match = location.hash.match(/^#\/events\/(.+)$/);
    if (match && changed.length > 0 && !changed.includes(decodeURIComponent(match[1]))) return;
    route();
  }

  function connect() {
    const source = new EventSource('/api/changes');
    source.addEventListener('hello', () => document.body.classList.add('live'));
    source.addEventListener('change', ev => {
      const notice = JSON.parse(ev.data);
      clearTimeout(pending);   // a burst of filings is one redraw
      pending = setTimeout(() => { redraw(notice.events || []); showFeeds(); }, 150);
    });
    source.onerror = () => document.body.classList.remove('live');   // EventSource reconnects by itself
  }

  async function showFeeds() {
    const panel = document.getElementById('feeds');
    let feeds;
    try {
      const key = sessionStorage.getItem(KEY_STORAGE);
      const response = await fetch('/api/feeds', { headers: { 'Accept': 'application/json', ...(key ? { 'X-Api-Key': key } : {}) } });
      if (!response.ok) return;
      feeds = await response.json();
    } catch { return; }
    panel.hidden = feeds.length === 0;
    const rows = feeds.map(f => h('tr', { class: 'feed ' + f.status, dataset: { feed: f.feed } },
      h('td', { class: 'name', title: f.feed }, f.feed),
      h('td', {}, f.status),
      h('td', {}, f.lastPoll ? f.lastPoll.replace('T', ' ').replace('Z', ' UTC') : 'not yet'),
      h('td', {}, String(f.itemsFiled)),
      h('td', { title: f.lastError || '' }, f.errors > 0 ? `${f.errors}${f.lastError ? ': ' + f.lastError : ''}` : '0')));
    panel.replaceChildren(h('h2', {}, 'Feeds'), h('table', {},
      h('thead', {}, h('tr', {}, ...['feed', 'status', 'last poll', 'items filed', 'errors'].map(c => h('th', {}, c)))),
      h('tbody', {}, ...rows)));
  }

  connect();
  showFeeds();
  setInterval(showFeeds, 30000);
})();
