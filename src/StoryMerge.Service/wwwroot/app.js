// StoryMerge editor's page: the event list and one event's page, over the service's own API. No framework, no build step.
'use strict';

const PAGE_SIZE = 25;
const KINDS = [['people', 'People'], ['organisations', 'Organisations'], ['places', 'Places'], ['figures', 'Figures'], ['dates', 'Dates']];
const main = document.getElementById('main');
const state = { page: 1, selected: 0, items: [], hasMore: false };

// ---- helpers -------------------------------------------------------------------------------------------------

/** Builds an element; text children are always text nodes, never parsed as HTML. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

function status(text) { document.getElementById('status').textContent = text || ''; }

function showError(text) {
  const box = document.getElementById('error');
  box.textContent = text || '';
  box.hidden = !text;
}

// The API key, asked for once (when the service first answers 401) and kept for this tab; sent in a header, which no
// other site's form or no-cors request can send.
const KEY_STORAGE = 'storymerge-api-key';

function askForKey(message) {
  const key = window.prompt(message);
  if (key && key.trim()) sessionStorage.setItem(KEY_STORAGE, key.trim());
  else sessionStorage.removeItem(KEY_STORAGE);
  return !!(key && key.trim());
}

/** Calls the API; a problem-details answer becomes an Error carrying its detail. */
async function api(path, options, retried) {
  const key = sessionStorage.getItem(KEY_STORAGE);
  const headers = { 'Accept': 'application/json', ...(options && options.body ? { 'Content-Type': 'application/json' } : {}), ...(key ? { 'X-Api-Key': key } : {}) };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && !retried) {
    // Requests made at the same time all meet the 401; the first asks, the others use the key it got.
    const current = sessionStorage.getItem(KEY_STORAGE);
    if ((current && current !== key) || askForKey(key ? 'That API key was not accepted. Your StoryMerge API key:' : 'This StoryMerge service asks for an API key:')) {
      return api(path, options, true);
    }
  }
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && (body.detail || body.title) || response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

const eventHref = id => `#/events/${encodeURIComponent(id)}`;
const storyAnchor = id => `report-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
const badge = (text, cls) => h('span', { class: 'badge' + (cls ? ' ' + cls : '') }, text);

// ---- the list ------------------------------------------------------------------------------------------------

function query() {
  const params = new URLSearchParams();
  for (const id of ['q', 'lang', 'since']) {
    const value = document.getElementById(id).value.trim();
    if (value) params.set(id, value);
  }
  return params;
}

async function showList(page) {
  state.page = page || 1;
  const params = query();
  params.set('page', state.page);
  params.set('pageSize', PAGE_SIZE);
  status('Loading events…');
  const result = await api(`/api/events?${params}`);
  state.items = result.items;
  state.hasMore = result.hasMore;
  state.selected = Math.min(state.selected, Math.max(0, result.items.length - 1));
  const view = document.getElementById('list-template').content.cloneNode(true);
  const list = view.querySelector('.events');
  if (result.items.length === 0) list.append(h('li', { class: 'empty' }, params.has('q') ? 'No event matches the search.' : 'No events yet: post stories to /api/stories.'));
  result.items.forEach((e, i) => list.append(h('li', { dataset: { id: e.id }, onclick: () => { location.hash = eventHref(e.id); } },
    h('a', { class: 'title', href: eventHref(e.id) }, e.title || '(untitled)'),
    e.conflicts > 0 ? h('span', {}, badge(`⚠ ${e.conflicts} conflict${e.conflicts > 1 ? 's' : ''}`, 'conflict')) : h('span'),
    h('div', { class: 'meta' },
      h('time', {}, e.lastPublished || 'undated'),
      ...e.languages.map(l => badge(l)),
      h('span', {}, `${e.reports} report${e.reports > 1 ? 's' : ''}`),
      h('span', { class: 'id' }, e.id)))));
  view.querySelector('.count').textContent = `page ${state.page}`;
  view.querySelector('.page').textContent = `page ${state.page}`;
  const prev = view.querySelector('.prev'), next = view.querySelector('.next');
  prev.disabled = state.page <= 1;
  next.disabled = !state.hasMore;
  prev.addEventListener('click', () => showList(state.page - 1));
  next.addEventListener('click', () => showList(state.page + 1));
  main.replaceChildren(view);
  document.title = 'StoryMerge: events';
  select(state.selected);
  status(`${result.items.length} event(s) on page ${state.page}${state.hasMore ? '; more on the next' : ''}`);
}

function select(index) {
  const rows = main.querySelectorAll('.events li[data-id]');
  if (rows.length === 0) return;
  state.selected = Math.max(0, Math.min(index, rows.length - 1));
  rows.forEach((row, i) => row.classList.toggle('selected', i === state.selected));
  rows[state.selected].scrollIntoView({ block: 'nearest' });
}

// ---- one event -----------------------------------------------------------------------------------------------

async function showEvent(id) {
  status('Loading the event…');
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  if (event.id !== id) { history.replaceState(null, '', eventHref(event.id)); }   // an id merged away leads here
  const reports = await Promise.all(event.members.map(m => api(`/api/stories/${m.id.split('/').map(encodeURIComponent).join('/')}`)));
  const facts = KINDS.flatMap(([key]) => event[key]);
  const conflicts = facts.filter(f => f.conflict);
  const resolved = facts.filter(f => f.resolution && !f.conflict);

  main.replaceChildren(
    h('section', { class: 'event-head' },
      h('h1', {}, event.title),
      h('div', { class: 'meta' },
        h('time', {}, event.date ? `${event.date} (${event.dateBasis})` : 'date unknown'),
        event.place ? h('span', {}, `in ${event.place.value}`) : null,
        ...event.languages.map(l => badge(l)),
        h('span', {}, `${event.members.length} report${event.members.length > 1 ? 's' : ''}`),
        conflicts.length ? badge(`⚠ ${conflicts.length} conflict${conflicts.length > 1 ? 's' : ''}`, 'conflict') : null,
        h('span', { class: 'id' }, event.id)),
      editorActions(event)),
    conflicts.length || resolved.length
      ? h('section', { class: 'facts', 'aria-label': 'Conflicts' },
          h('h2', {}, `Where the reports disagree (${conflicts.length} open, ${resolved.length} resolved)`),
          ...conflicts.map(f => factRow(event, f)), ...resolved.map(f => factRow(event, f)))
      : null,
    h('section', { class: 'facts', 'aria-label': 'Facts' },
      h('h2', {}, 'Canonical facts'),
      ...KINDS.map(([key, label]) => event[key].length === 0 ? null
        : h('details', { open: key === 'people' || key === 'figures' || key === 'dates' },
            h('summary', {}, `${label} (${event[key].length})`),
            ...event[key].map(f => factRow(event, f, true))))),
    h('h2', {}, 'Reports, side by side'),
    h('section', { class: 'members' }, ...reports.map(r => memberColumn(event, r))));
  document.title = `StoryMerge: ${event.title}`;
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  status(`Event ${event.id}: ${event.members.length} report(s), ${conflicts.length} open conflict(s)`);
}

function sourcesOf(sources) {
  return h('span', { class: 'sources' }, 'in ', ...sources.map(s => h('a', { href: `#${storyAnchor(s)}`, onclick: ev => { ev.preventDefault(); document.getElementById(storyAnchor(s))?.scrollIntoView({ behavior: 'smooth' }); } }, s)));
}

/** One fact: its value, and every variant with its sources; a conflict (or a resolved one) can be resolved here. */
function factRow(event, fact, compact) {
  const resolvable = !compact && (fact.conflict || fact.resolution);
  const name = `resolve-${fact.id}`;
  const variants = h('ul', { class: 'variants' }, ...fact.variants.map((v, i) => h('li', {},
    resolvable
      ? h('label', {}, h('input', { type: 'radio', name, value: v.value, checked: v.value === fact.value }), ' ', h('span', { lang: v.languages[0] }, v.value))
      : h('span', { lang: v.languages[0] }, v.value),
    ' ', ...v.languages.map(l => badge(l)), ' ', v.detail ? h('span', { class: 'detail' }, `(${v.detail}) `) : null, sourcesOf(v.sources))));
  const row = h('div', { class: 'fact' + (fact.conflict ? ' conflict' : '') + (fact.resolution && !fact.conflict ? ' resolved' : ''), dataset: { fact: fact.id } },
    h('div', {},
      h('div', { class: 'value' }, fact.value),
      fact.detail ? h('div', { class: 'detail' }, fact.detail) : null,
      fact.conflict ? badge(fact.resolution ? '⚠ new variant since resolved' : '⚠ conflict', 'conflict') : null,
      fact.resolution && !fact.conflict ? badge('✓ resolved by an editor', 'resolved') : null),
    h('div', {}, variants));
  if (resolvable) {
    const button = h('button', { type: 'button', class: 'primary resolve', onclick: () => resolve(event, fact, row) }, 'Resolve: use the chosen value');
    row.lastChild.append(h('div', { class: 'actions' }, button));
  }
  return row;
}

async function resolve(event, fact, row) {
  const chosen = row.querySelector('input[type=radio]:checked');
  if (!chosen) { showError('Choose one of the variants first.'); return; }
  await run(`Resolving ${fact.id}…`, async () => {
    await api(`/api/events/${encodeURIComponent(event.id)}/facts/${encodeURIComponent(fact.id)}/resolve`, { method: 'POST', body: JSON.stringify({ value: chosen.value }) });
    await showEvent(event.id);
    status(`${fact.id} resolved: ${chosen.value}`);
  });
}

function editorActions(event) {
  const target = h('input', { id: 'merge-target', placeholder: 'other event id (ev-…)', 'aria-label': 'Event to merge this one into' });
  return h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: () => { location.hash = '#/'; } }, '← Events (Esc)'),
    h('button', { type: 'button', id: 'split', onclick: () => split(event) }, 'Split the ticked reports into a new event'),
    target,
    h('button', { type: 'button', id: 'merge', onclick: () => merge(event, target.value.trim()) }, 'Merge this event into it'));
}

async function split(event) {
  const stories = [...main.querySelectorAll('.member input[type=checkbox]:checked')].map(c => c.value);
  if (stories.length === 0) { showError('Tick the reports to move to a new event first.'); return; }
  await run('Splitting…', async () => {
    const result = await api(`/api/events/${encodeURIComponent(event.id)}/split`, { method: 'POST', body: JSON.stringify({ stories }) });
    location.hash = eventHref(result.newEvent);
    status(`Moved ${stories.length} report(s) to the new event ${result.newEvent}; they stay apart from ${result.event}.`);
  });
}

async function merge(event, other) {
  if (!other) { showError('Give the id of the event to merge this one into.'); return; }
  await run('Merging…', async () => {
    const result = await api(`/api/events/${encodeURIComponent(event.id)}/merge-into/${encodeURIComponent(other)}`, { method: 'POST' });
    location.hash = eventHref(result.into);
    status(`Merged ${result.from} into ${result.into}.`);
  });
}

function memberColumn(event, report) {
  return h('article', { class: 'member', id: storyAnchor(report.id), lang: report.language },
    h('header', {},
      h('label', { title: 'Tick to split this report out' }, h('input', { type: 'checkbox', value: report.id, 'aria-label': `Select ${report.id} for splitting` })),
      badge(report.language),
      h('time', {}, report.date || 'undated'),
      report.source ? h('span', {}, report.source) : null,
      /^https?:\/\//i.test(report.url || '') ? h('a', { href: report.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : null,
      h('span', { class: 'id' }, report.id),
      h('h3', {}, report.title || '')),
    h('div', { class: 'text' }, report.text));
}

/** Runs an action, showing what fails instead of failing silently. */
async function run(what, action) {
  showError('');
  status(what);
  try { await action(); } catch (e) { showError(e.message); status(''); }
}

// ---- routing and keys ----------------------------------------------------------------------------------------

async function route() {
  const match = location.hash.match(/^#\/events\/(.+)$/);
  await run('', () => match ? showEvent(decodeURIComponent(match[1])) : showList(state.page));
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  state.selected = 0;
  if (location.hash.startsWith('#/events/')) location.hash = '#/';
  else run('', () => showList(1));
});

document.getElementById('help-button').addEventListener('click', () => { const help = document.getElementById('help'); help.hidden = !help.hidden; });

document.addEventListener('keydown', ev => {
  const typing = ev.target.matches('input:not([type=radio]):not([type=checkbox]), select, textarea');
  if (ev.key === 'Escape') {
    if (typing) { ev.target.blur(); return; }
    document.getElementById('help').hidden = true;
    if (location.hash.startsWith('#/events/')) location.hash = '#/';
    return;
  }
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const onList = !location.hash.startsWith('#/events/');
  const keys = {
    '/': () => document.getElementById('q').focus(),
    '?': () => document.getElementById('help-button').click(),
    'j': () => onList && select(state.selected + 1),
    'ArrowDown': () => onList && select(state.selected + 1),
    'k': () => onList && select(state.selected - 1),
    'ArrowUp': () => onList && select(state.selected - 1),
    'Enter': () => { if (onList && state.items[state.selected]) location.hash = eventHref(state.items[state.selected].id); },
    'n': () => onList && state.hasMore && run('', () => showList(state.page + 1)),
    'p': () => onList && state.page > 1 && run('', () => showList(state.page - 1)),
    'c': () => {
      const rows = [...main.querySelectorAll('.fact.conflict')];
      if (rows.length === 0) return;
      const next = rows.find(r => r.getBoundingClientRect().top > 80) || rows[0];
      next.scrollIntoView({ block: 'center' });
      next.querySelector('input')?.focus();
    },
  };
  if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
});

async function loadLanguages() {
  // The language filter offers the languages of recent events.
  try {
    const recent = await api('/api/events?pageSize=200');
    const select = document.getElementById('lang');
    [...new Set(recent.items.flatMap(e => e.languages))].sort().forEach(l => select.append(h('option', { value: l }, l)));
  } catch { /* the filter stays at "all languages" */ }
}

window.addEventListener('hashchange', route);
loadLanguages();
route();
