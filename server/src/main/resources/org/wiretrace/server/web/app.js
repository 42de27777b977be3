// Wiretrace web app: plain modern JavaScript, no framework, no CDN.
// Everything that comes from articles is untrusted: the DOM is built with createElement and
// text nodes only (article data is never parsed as markup), and ids go into URLs through encodeURIComponent.
'use strict';

const app = document.getElementById('app');

/** Creates an element: h('a', {href: '#/'}, 'text', otherNode). Strings become text nodes. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'style') Object.assign(el.style, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function show(...nodes) {
  app.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
  window.scrollTo(0, 0);
}

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    throw new Error((body && body.message) || ('HTTP ' + res.status));
  }
  return body;
}

function errorBox(e) {
  return h('p', {class: 'error', role: 'alert'}, String(e && e.message ? e.message : e));
}

const enc = encodeURIComponent;
const pct = x => Math.round(100 * x) + '%';
function day(iso) { return iso ? iso.slice(0, 10) : 'undated'; }
function badge(rel) { return h('span', {class: 'rel ' + rel}, rel); }
function articleLink(id, title) { return h('a', {href: '#/article/' + enc(id)}, title || id); }
function chips(list) { return (list || []).map(s => h('span', {class: 'chip', title: s}, s)); }

// ---------------------------------------------------------------- routing

const routes = [
  [/^#?\/?$/, () => storiesView('')],
  [/^#\/search\/(.*)$/, m => storiesView(decodeURIComponent(m[1]))],
  [/^#\/story\/(.+)$/, m => storyView(decodeURIComponent(m[1]))],
  [/^#\/families$/, () => familiesView()],
  [/^#\/family\/(.+)$/, m => familyView(decodeURIComponent(m[1]))],
  [/^#\/article\/(.+)$/, m => articleView(decodeURIComponent(m[1]))],
  [/^#\/pair\/([^/]+)\/([^/]+)$/, m => pairView(decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^#\/check$/, () => checkView()],
  [/^#\/restore\/(.+)$/, m => restoreView(decodeURIComponent(m[1]))],
];

let stats = null;

async function route() {
  const hash = location.hash || '#/';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      try {
        await view(m);
      } catch (e) {
        show(errorBox(e));
      }
      return;
    }
  }
  show(errorBox('No such page: ' + hash));
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  location.hash = q ? '#/search/' + enc(q) : '#/';
});
window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', async () => {
  try { stats = await api('/api/stats'); } catch (e) { stats = null; }
  route();
});

// ---------------------------------------------------------------- stories list

function timeBounds(items, from, to) {
  let min = Infinity, max = -Infinity;
  for (const it of items) {
    for (const k of [from, to]) {
      if (it[k]) { const t = Date.parse(it[k]); min = Math.min(min, t); max = Math.max(max, t); }
    }
  }
  return min === Infinity ? null : {min, max: max === min ? min + 86400000 : max};
}
const at = (b, iso) => (100 * (Date.parse(iso) - b.min) / (b.max - b.min));

async function storiesView(q) {
  document.getElementById('q').value = q;
  try { stats = await api('/api/stats'); } catch (e) { /* keep the last counts */ }
  if (stats && stats.stories_ready === false) {
    // stories still being computed (large store) or not served (--no-stories): list articles
    const arts = await api('/api/articles?limit=50' + (q ? '&q=' + enc(q) : ''));
    show(h('h1', {}, q ? 'Articles matching “' + q + '”' : 'Articles'),
      h('p', {class: 'summary notice'}, `${stats.articles} articles. Stories, families and relations are not`
        + ' available on this server yet (still being computed, or started with --no-stories);'
        + ' articles, search, side-by-side views and the check box are.'),
      h('p', {class: 'summary'}, `${arts.total} article${arts.total === 1 ? '' : 's'}`
        + (arts.total > arts.items.length ? `, the first ${arts.items.length} shown` : '')),
      articleTable(arts.items));
    return;
  }
  const data = await api('/api/stories?limit=200' + (q ? '&q=' + enc(q) : ''));
  const bounds = timeBounds(data.items, 'first_published', 'last_published');
  const head = [h('h1', {}, q ? 'Stories matching “' + q + '”' : 'Stories')];
  if (stats && !q) {
    head.push(h('p', {class: 'summary'},
      `${stats.articles} articles, ${stats.stories} stories, ${stats.families} text families`));
  }
  const list = h('div', {class: 'stories'});
  for (const s of data.items) {
    const card = h('article', {class: 'card story-card', dataset: {story: s.id}},
      h('h2', {}, h('a', {href: '#/story/' + enc(s.id)}, s.title || s.id)),
      h('div', {class: 'meta'},
        h('span', {}, `${s.articles} article${s.articles === 1 ? '' : 's'}`),
        h('span', {}, `${s.families} text famil${s.families === 1 ? 'y' : 'ies'}`),
        h('span', {}, `${s.source_count} source${s.source_count === 1 ? '' : 's'}`),
        h('span', {}, s.first_published ? day(s.first_published) + ' – ' + day(s.last_published) : 'undated')),
      h('div', {}, Object.entries(s.relations).map(([r, n]) => [badge(r), ' ×' + n + ' '])),
      h('div', {}, chips(s.sources)));
    if (bounds && s.first_published) {
      const left = at(bounds, s.first_published), right = at(bounds, s.last_published);
      card.append(h('div', {class: 'timeline', title: day(s.first_published) + ' – ' + day(s.last_published)},
        h('div', {class: 'span', style: {left: left + '%', width: Math.max(0, right - left) + '%'}})));
    }
    list.append(card);
  }
  const nodes = [...head];
  if (bounds) {
    nodes.push(h('div', {class: 'axis'}, h('span', {}, day(new Date(bounds.min).toISOString())),
      h('span', {}, day(new Date(bounds.max).toISOString()))));
  }
  nodes.push(data.items.length ? list : h('p', {class: 'muted'}, 'No stories' + (q ? ' match.' : ' yet: add articles with wiretrace scan or POST /api/articles.')));
  if (q) {
    const arts = await api('/api/articles?limit=50&q=' + enc(q));
    nodes.push(h('h2', {}, `Articles matching (${arts.total})`), articleTable(arts.items));
  }
  show(nodes);
}

function articleTable(items) {
  return h('table', {class: 'articles'},
    h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Relation'), h('th', {}, 'Source'), h('th', {}, 'Published')),
    items.map(a => h('tr', {},
      h('td', {}, articleLink(a.id, a.title), h('br'), h('small', {}, h('code', {}, a.id))),
      h('td', {}, a.relation ? badge(a.relation) : ''),
      h('td', {}, a.source || ''),
      h('td', {}, day(a.published)))));
}

// ---------------------------------------------------------------- story view

async function storyView(id) {
  const s = await api('/api/stories/' + enc(id));
  const idx = s.article_index;
  const nodes = [
    h('p', {}, h('a', {href: '#/'}, '← Stories')),
    h('h1', {}, s.title || s.id),
    h('p', {class: 'summary'}, `${s.articles.length} articles in ${s.families.length} text famil${s.families.length === 1 ? 'y' : 'ies'} · `,
      h('code', {}, s.id)),
    h('div', {}, chips(s.sources)),
  ];
  // timeline of the story's articles
  const dated = s.articles.filter(a => idx[a] && idx[a].published);
  if (dated.length) {
    const b = timeBounds(dated.map(a => idx[a]), 'published', 'published');
    const rel = {};
    s.families.forEach(f => f.members.forEach(m => { rel[m.id] = m.relation; }));
    nodes.push(h('h2', {}, 'Timeline'),
      h('div', {class: 'timeline big'}, dated.map(a => h('a', {
        class: 'dot ' + (rel[a] || ''), href: '#/article/' + enc(a),
        title: day(idx[a].published) + ' · ' + (rel[a] || '') + ' · ' + (idx[a].title || a),
        'aria-label': (idx[a].title || a) + ', ' + day(idx[a].published),
        style: {left: at(b, idx[a].published) + '%'}}))),
      h('div', {class: 'axis'}, h('span', {}, day(new Date(b.min).toISOString())), h('span', {}, day(new Date(b.max).toISOString()))));
  }
  s.families.forEach((f, i) => {
    nodes.push(h('h2', {}, `Family ${i + 1} `, h('small', {class: 'muted'}, h('a', {href: '#/family/' + enc(f.id)}, f.id))));
    nodes.push(provenanceTree(f, idx));
  });
  show(nodes);
}

/** The family as a tree: the original, then each copy under the member it was judged against. */
function provenanceTree(f, idx) {
  const children = {};
  for (const m of f.members) {
    if (m.id === f.original) continue;
    const parent = f.members.some(x => x.id === m.source_id) && m.source_id !== m.id ? m.source_id : f.original;
    (children[parent] = children[parent] || []).push(m);
  }
  const seen = new Set();
  const node = m => {
    seen.add(m.id);
    const a = idx[m.id] || {title: m.id};
    const isOriginal = m.id === f.original;
    const li = h('li', {},
      h('div', {class: 'node' + (isOriginal ? ' original' : ''), dataset: {article: m.id, relation: m.relation}},
        h('div', {class: 'title'}, articleLink(m.id, a.title)),
        h('div', {class: 'meta'},
          badge(m.relation),
          isOriginal ? null : h('span', {class: 'coverage'}, pct(m.coverage) + ' of its text from the source'),
          h('span', {}, day(a.published)),
          a.source ? h('span', {}, a.source) : null,
          isOriginal ? null : h('a', {class: 'pair-link', href: '#/pair/' + enc(m.source_id) + '/' + enc(m.id)}, 'side by side'),
          m.relation === 'SPUN' && stats && stats.restore ? h('a', {href: '#/restore/' + enc(m.id)}, 'restore wording') : null)));
    const kids = (children[m.id] || []).filter(k => !seen.has(k.id));
    if (kids.length) li.append(h('ul', {}, kids.map(node)));
    return li;
  };
  const root = f.members.find(m => m.id === f.original) || f.members[0];
  return h('ul', {class: 'tree', dataset: {family: f.id}}, node(root));
}

// ---------------------------------------------------------------- families

async function familiesView() {
  const data = await api('/api/families?limit=500');
  show(h('h1', {}, 'Text families'),
    h('p', {class: 'summary'}, `${data.total} families`),
    h('table', {},
      h('tr', {}, h('th', {}, 'Original'), h('th', {}, 'Members'), h('th', {}, 'Relations'), h('th', {}, 'Story')),
      data.items.map(f => h('tr', {},
        h('td', {}, h('a', {href: '#/family/' + enc(f.id)}, f.title || f.original)),
        h('td', {class: 'num'}, String(f.members)),
        h('td', {}, Object.entries(f.relations).map(([r, n]) => [badge(r), ' ×' + n + ' '])),
        h('td', {}, h('a', {href: '#/story/' + enc(f.story_id)}, 'story'))))));
}

async function familyView(id) {
  const f = await api('/api/families/' + enc(id));
  const idx = {};
  f.member_list.forEach(m => { if (m.article) idx[m.id] = m.article; });
  show(h('p', {}, h('a', {href: '#/story/' + enc(f.story_id)}, '← Story')),
    h('h1', {}, f.title || f.id),
    h('p', {class: 'summary'}, `${f.members} members · `, h('code', {}, f.id)),
    provenanceTree({id: f.id, original: f.original, members: f.member_list}, idx));
}

// ---------------------------------------------------------------- article view

async function articleView(id) {
  const a = await api('/api/articles/' + enc(id));
  const nodes = [
    a.story_id ? h('p', {}, h('a', {href: '#/story/' + enc(a.story_id)}, '← ' + (a.story_title || 'Story'))) : null,
    h('h1', {}, a.title || a.id),
    h('div', {class: 'facts'},
      a.relation ? badge(a.relation) : null,
      h('span', {}, 'id ', h('code', {}, a.id)),
      h('span', {}, day(a.published)),
      a.source ? h('span', {}, a.source) : null,
      h('span', {}, a.chars + ' characters'),
      a.relation && a.relation !== 'ORIGINAL' ? h('a', {href: '#/pair/' + enc(a.source_id) + '/' + enc(a.id)}, 'compare with its source') : null,
      a.relation === 'SPUN' && stats && stats.restore ? h('a', {href: '#/restore/' + enc(a.id)}, 'restore wording') : null),
  ];
  if (a.repairs && a.repairs.length) {
    nodes.push(h('p', {class: 'muted'}, `${a.repairs.length} encoding repair${a.repairs.length === 1 ? '' : 's'} (mojibake fixed), e.g. “${a.repairs[0].before}” → “${a.repairs[0].after}”`));
  }
  if (a.relations.length) {
    nodes.push(h('h2', {}, 'Relations'), h('table', {},
      h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Relation'), h('th', {}, 'Is its'), h('th', {}, 'Coverage'), h('th', {}, '')),
      a.relations.map(r => h('tr', {},
        h('td', {}, articleLink(r.id, r.title)),
        h('td', {}, badge(r.relation)),
        h('td', {}, r.role.replace('_', ' ')),
        h('td', {class: 'num'}, pct(r.coverage)),
        h('td', {}, h('a', {href: r.role === 'copy' ? '#/pair/' + enc(a.id) + '/' + enc(r.id) : '#/pair/' + enc(r.id) + '/' + enc(a.id)}, 'side by side'))))));
  }
  nodes.push(h('h2', {}, 'Text'), h('div', {class: 'text'}, a.text));
  show(nodes);
}

// ---------------------------------------------------------------- pair view

const LEGEND = () => h('div', {class: 'legend'},
  h('span', {}, 'kept'),
  h('span', {}, h('span', {class: 'sub'}, h('del', {}, 'original'), h('ins', {}, 'replacement')), ' substituted'),
  h('span', {}, h('ins', {}, 'inserted')),
  h('span', {}, h('del', {}, 'deleted')),
  h('span', {class: 'unaligned'}, 'not aligned'),
  h('span', {}, h('span', {class: 'passage linked'}, 'linked passage'), ' (click a passage)'));

async function pairView(aId, bId) {
  const c = await api('/api/compare?a=' + enc(aId) + '&b=' + enc(bId));
  show(h('p', {}, h('a', {href: '#/article/' + enc(bId)}, '← Article')), renderPair(c));
}

/** The two texts side by side with aligned passages linked and word-level changes marked. */
function renderPair(c) {
  const A = c.a.text, B = c.b.text;
  const passages = c.alignments.map((p, k) => Object.assign({k}, p));
  const left = h('div', {class: 'text', id: 'text-a'});
  const right = h('div', {class: 'text', id: 'text-b'});
  markSide(left, A, passages, 'a');
  markSide(right, B, passages, 'b');
  const link = ev => {
    const el = ev.target.closest('.passage');
    if (!el) return;
    const k = el.dataset.p;
    document.querySelectorAll('.passage.linked').forEach(x => x.classList.remove('linked'));
    const mine = el.closest('.text');
    const other = mine === left ? right : left;
    const twin = other.querySelector('.passage[data-p="' + k + '"]');
    el.classList.add('linked');
    if (twin) {
      twin.classList.add('linked');
      other.scrollTop = twin.offsetTop - other.offsetTop - 24;
    }
  };
  left.addEventListener('click', link);
  right.addEventListener('click', link);
  const side = (label, s, el) => h('section', {class: 'side'},
    h('h2', {}, label + ': ', s.id ? articleLink(s.id, s.title || s.id) : (s.title || '')),
    h('div', {class: 'meta muted'}, [day(s.published), s.source, pct(s.coverage) + ' aligned'].filter(Boolean).join(' · ')),
    el);
  return h('div', {class: 'pair-view'},
    h('h1', {}, 'Side by side'),
    h('div', {class: 'facts'},
      h('span', {}, 'B is ', badge(c.relation), ' of A'),
      h('span', {}, `${c.alignments.length} aligned passage${c.alignments.length === 1 ? '' : 's'}`),
      h('span', {}, 'content similarity ', h('b', {}, c.story_similarity.toFixed(2)))),
    LEGEND(),
    h('div', {class: 'pair'}, side('A (source)', c.a, left), side('B', c.b, right)));
}

/** Marks one side's text: passages as linked spans holding the word-level edits. */
function markSide(el, text, passages, side) {
  const S = side + '_start', E = side + '_end';
  const sorted = passages.slice().sort((x, y) => x[S] - y[S]);
  let pos = 0;
  const plain = (from, to, cls) => {
    if (to > from) el.append(cls ? h('span', {class: cls}, text.slice(from, to)) : text.slice(from, to));
  };
  for (const p of sorted) {
    if (p[S] < pos) continue; // overlaps a passage already shown on this side
    plain(pos, p[S], 'unaligned');
    pos = p[S];
    const span = h('span', {class: 'passage ' + p.kind, dataset: {p: String(p.k)}, title: p.kind + ' passage'});
    for (const e of p.edits || []) {
      const s = e[S], t = e[E];
      if (t > s || e.op === 'DELETE' || e.op === 'INSERT') {
        if (s > pos) { span.append(text.slice(pos, s)); pos = s; }
      }
      if (side === 'b') {
        if (e.op === 'KEEP') span.append(h('span', {class: 'keep'}, text.slice(s, t)));
        else if (e.op === 'SUBSTITUTE') span.append(h('span', {class: 'sub', title: '“' + e.a_text + '” replaced by “' + e.b_text + '”'}, h('del', {}, e.a_text), h('ins', {}, text.slice(s, t))));
        else if (e.op === 'INSERT') span.append(h('ins', {title: 'inserted'}, text.slice(s, t)));
        else if (e.op === 'DELETE') span.append(h('del', {title: 'deleted'}, e.a_text), ' ');
      } else {
        if (e.op === 'KEEP') span.append(h('span', {class: 'keep'}, text.slice(s, t)));
        else if (e.op === 'SUBSTITUTE') span.append(h('span', {class: 'subst', title: 'replaced by “' + e.b_text + '”'}, text.slice(s, t)));
        else if (e.op === 'DELETE') span.append(h('del', {title: 'deleted in B'}, text.slice(s, t)));
        // INSERT: nothing on A's side
      }
      pos = Math.max(pos, t);
    }
    if (p[E] > pos) { span.append(text.slice(pos, p[E])); }
    pos = Math.max(pos, p[E]);
    el.append(span);
  }
  plain(pos, text.length, 'unaligned');
}

// ---------------------------------------------------------------- check an article

function checkView() {
  const ta = h('textarea', {id: 'check-text', placeholder: 'Paste an article: plain text (first line the title), an HTML page, or JSON {"title", "text", "published"}', 'aria-label': 'Article'});
  const fmt = h('select', {id: 'check-format', 'aria-label': 'Format'},
    h('option', {value: 'text'}, 'plain text'), h('option', {value: 'html'}, 'HTML page'), h('option', {value: 'json'}, 'JSON'));
  const file = h('input', {type: 'file', id: 'check-file', accept: '.txt,.text,.html,.htm,.json,.jsonl'});
  const out = h('div', {id: 'check-result'});
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    ta.value = await f.text();
    const n = f.name.toLowerCase();
    fmt.value = /\.html?$/.test(n) ? 'html' : /\.jsonl?$/.test(n) ? 'json' : 'text';
  });
  const run = async () => {
    out.replaceChildren(h('p', {class: 'muted'}, 'Checking…'));
    try {
      const types = {text: 'text/plain', html: 'text/html', json: 'application/json'};
      const r = await api('/api/check?with_text=true', {method: 'POST', headers: {'Content-Type': types[fmt.value] + '; charset=utf-8'}, body: ta.value});
      out.replaceChildren(checkResult(r));
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  };
  show(h('h1', {}, 'Check an article'),
    h('p', {class: 'muted'}, 'Find where an article comes from and who copied it. Nothing is added to the store.'),
    ta, h('div', {class: 'row'}, fmt, file, h('button', {id: 'check-run', onclick: run}, 'Check')), out);
}

function checkResult(r) {
  const group = (title, role) => {
    const ms = r.matches.filter(m => m.role === role);
    if (!ms.length) return null;
    return [h('h2', {}, `${title} (${ms.length})`), h('table', {class: 'matches'},
      h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Relation'), h('th', {}, 'Coverage'), h('th', {}, 'Published'), h('th', {}, '')),
      ms.map(m => h('tr', {},
        h('td', {}, articleLink(m.id, m.title), h('br'), h('small', {class: 'muted'}, m.source || '')),
        h('td', {}, badge(m.match_relation)),
        h('td', {class: 'num'}, role === 'same_story' ? 'sim ' + m.story_similarity.toFixed(2) : pct(m.coverage)),
        h('td', {}, day(m.published)),
        h('td', {}, role === 'same_story' ? '' : h('button', {class: 'secondary', onclick: () => sideBySide(Object.assign({submitted: r.article}, m), role)}, 'side by side')))))];
  };
  const a = r.article;
  return h('div', {},
    h('p', {class: 'facts'}, h('span', {}, h('b', {}, a.title || '(untitled)')), h('span', {}, a.chars + ' characters'),
      h('span', {}, `${r.matches.length} match${r.matches.length === 1 ? '' : 'es'} among ${r.candidates} candidates in ${r.stored} stored articles`)),
    r.matches.length ? null : h('p', {class: 'muted'}, 'No stored article shares text or the story with it.'),
    group('Sources: it copies these', 'source'),
    group('Copies: these copy it', 'copy'),
    group('Same story, own text', 'same_story'),
    h('div', {id: 'check-pair'}));
}

async function sideBySide(m, role) {
  const box = document.getElementById('check-pair');
  try {
    const stored = await api('/api/articles/' + enc(m.id));
    const storedSide = {id: stored.id, title: stored.title, text: stored.text, published: stored.published, source: stored.source};
    const submitted = {title: m.submitted.title, text: m.submitted.text, published: m.submitted.published, source: m.submitted.source};
    const pair = role === 'source' ? {a: storedSide, b: submitted} : {a: submitted, b: storedSide};
    const c = await api('/api/compare', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(pair)});
    box.replaceChildren(renderPair(c));
    box.scrollIntoView();
  } catch (e) {
    box.replaceChildren(errorBox(e));
  }
}

// ---------------------------------------------------------------- restore (spun wording)

async function restoreView(id) {
  if (!stats || !stats.restore) {
    show(errorBox('This server cannot restore spun wording.'));
    return;
  }
  const r = await api('/api/articles/' + enc(id) + '/restore');
  const el = h('div', {class: 'text', id: 'restore-text'});
  let pos = 0;
  for (const p of r.phrases) {
    if (p.start < pos) continue;
    el.append(r.text.slice(pos, p.start));
    const others = p.alternatives.filter(a => a !== p.suggestion);
    append(el, [h('span', {class: 'sub tortured', title: p.evidence + ' (confidence ' + p.confidence.toFixed(2) + ')'},
      h('del', {}, r.text.slice(p.start, p.end)), h('ins', {}, p.suggestion)),
      others.length ? h('small', {class: 'muted'}, ' (or ' + others.join(', ') + ')') : null]);
    pos = p.end;
  }
  el.append(r.text.slice(pos));
  show(h('p', {}, h('a', {href: '#/article/' + enc(id)}, '← Article')),
    h('h1', {}, 'Restore: ' + (r.title || id)),
    h('div', {class: 'facts'},
      h('span', {}, 'spin score ', h('b', {}, r.spin_score.toFixed(2))),
      h('span', {}, `${r.phrases.length} spun phrase${r.phrases.length === 1 ? '' : 's'}`),
      h('span', {}, r.method === 'source'
        ? ['restored from its source ', articleLink(r.source_id, r.source_id)]
        : 'restored without a source (phrase statistics)')),
    h('div', {class: 'legend'}, h('span', {}, h('span', {class: 'sub tortured'}, h('del', {}, 'spun wording'), h('ins', {}, 'original wording')))),
    el);
}
