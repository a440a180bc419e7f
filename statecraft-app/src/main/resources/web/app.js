/* Statecraft web app: scenario editor with live validation, background runs with progress, results and comparison.
   Every string from the server goes into the page as text (textContent), never as HTML. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var state = { name: null, saved: '', validateTimer: null, validateSeq: 0, polling: null, selected: [], shown: null, runs: [] };
  var DRAFT = 'statecraft-draft:';

  function api(method, url, body, type) {
    var init = { method: method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) { init.body = body; init.headers['Content-Type'] = type || 'application/json'; }
    return fetch(url, init).then(function (r) {
      var ct = r.headers.get('Content-Type') || '';
      var p = ct.indexOf('json') >= 0 ? r.json() : r.text();
      return p.then(function (b) {
        if (r.status === 401) { $('locked').hidden = false; }
        return { status: r.status, ok: r.ok, body: b };
      });
    });
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function button(text, id, onclick) { var b = el('button', { text: text, id: id, type: 'button' }); b.onclick = onclick; return b; }
  function message(text, bad) { var m = $('message'); m.textContent = text || ''; m.className = bad ? 'invalid' : 'muted'; }

  // ---- scenarios ----

  function dirty() { return state.name !== null && $('yaml').value !== state.saved; }
  function markDirty() {
    var d = dirty();
    $('dirty').textContent = d ? '● unsaved edits' : '';
    if (state.name) {
      if (d) { localStorage.setItem(DRAFT + state.name, $('yaml').value); } else { localStorage.removeItem(DRAFT + state.name); }
    }
  }
  function leaveOk() { return !dirty() || confirm('Discard the unsaved edits of ' + state.name + '?'); }

  function loadScenarios() {
    return api('GET', '/api/scenarios').then(function (r) {
      if (!r.ok) { return; }
      var ul = $('scenarios'); ul.innerHTML = '';
      r.body.forEach(function (s) {
        var a = el('a', { href: '#', 'data-scenario': s.name, text: s.name });
        a.onclick = function (ev) { ev.preventDefault(); if (s.name !== state.name && leaveOk()) { openScenario(s.name); } };
        var item = el('li', s.name === state.name ? { class: 'active' } : {}, [a, s.bundled ? el('span', { class: 'muted', text: ' (bundled)' }) : null]);
        ul.appendChild(item);
      });
      if (!state.name && r.body.length) { return openScenario(r.body[0].name); }
    });
  }

  function setEditor(name, text, saved) {
    state.name = name; state.saved = saved;
    $('scenario-name').textContent = name;
    $('yaml').value = text; gutter([]); markDirty(); validateNow();
    Array.prototype.forEach.call(document.querySelectorAll('#scenarios li'), function (x) {
      x.className = x.firstChild && x.firstChild.textContent === name ? 'active' : '';
    });
  }

  function openScenario(name) {
    return api('GET', '/api/scenarios/' + encodeURIComponent(name)).then(function (r) {
      if (!r.ok) { message(r.body.error || ('error ' + r.status), true); return; }
      var draft = localStorage.getItem(DRAFT + name);
      setEditor(name, draft !== null && draft !== r.body ? draft : r.body, r.body);
      if (draft !== null && draft !== r.body) { message('Restored the unsaved edits of ' + name + ' from this browser; Save keeps them, Revert drops them.'); }
    });
  }

  function askName(text, fallback) {
    var n = prompt(text, fallback);
    if (n === null) { return null; }
    n = n.trim();
    if (!/\.ya?ml$/.test(n)) { n += '.yaml'; }
    return n;
  }
  function scenarioAction(p, okText) {
    return p.then(function (r) {
      if (!r.ok) { message(r.body.error || ('error ' + r.status), true); return false; }
      message(okText); return loadScenarios().then(function () { return true; });
    });
  }
  function newScenario() {
    if (!leaveOk()) { return; }
    var n = askName('Name of the new scenario (a copy of the bundled one to edit):', 'new-scenario.yaml');
    if (!n) { return; }
    // the bundled text is the template: restore it under the new name by copy from a fresh restore
    api('GET', '/api/scenarios').then(function (r) {
      if (r.body.some(function (s) { return s.name === n; })) { message(n + ' already exists', true); return; }
      var bundled = r.body.find(function (s) { return s.bundled; });
      var from = bundled ? Promise.resolve(bundled.name) : api('POST', '/api/bundled/restore').then(function (x) { return x.body.name; });
      from.then(function (b) {
        return scenarioAction(api('POST', '/api/scenarios/' + encodeURIComponent(b) + '/copy', JSON.stringify({ to: n })), 'created ' + n);
      }).then(function (ok) { if (ok) { openScenario(n); } });
    });
  }
  function copyScenario() {
    var n = askName('Copy ' + state.name + ' (as saved) to:', state.name.replace(/\.ya?ml$/, '') + '-copy.yaml');
    if (!n) { return; }
    scenarioAction(api('POST', '/api/scenarios/' + encodeURIComponent(state.name) + '/copy', JSON.stringify({ to: n })), 'copied to ' + n);
  }
  function renameScenario() {
    if (!leaveOk()) { return; }
    var n = askName('Rename ' + state.name + ' to:', state.name);
    if (!n || n === state.name) { return; }
    var old = state.name;
    scenarioAction(api('POST', '/api/scenarios/' + encodeURIComponent(old) + '/rename', JSON.stringify({ to: n })), 'renamed to ' + n)
      .then(function (ok) { if (ok) { localStorage.removeItem(DRAFT + old); state.name = null; openScenario(n); } });
  }
  function deleteScenario() {
    if (!confirm('Delete ' + state.name + ' from the workspace? Runs made from it keep their own copy of its text.')) { return; }
    var old = state.name;
    scenarioAction(api('DELETE', '/api/scenarios/' + encodeURIComponent(old)), 'deleted ' + old)
      .then(function (ok) { if (ok) { localStorage.removeItem(DRAFT + old); state.name = null; state.saved = ''; loadScenarios(); } });
  }
  function restoreBundled() {
    if (!confirm('Write the bundled scenario back into the workspace under its own name, over any edits saved to it?')) { return; }
    api('POST', '/api/bundled/restore').then(function (r) {
      if (!r.ok) { message(r.body.error || ('error ' + r.status), true); return; }
      localStorage.removeItem(DRAFT + r.body.name);
      message('restored ' + r.body.name);
      state.name = null; loadScenarios().then(function () { openScenario(r.body.name); });
    });
  }
  function revert() {
    if (!dirty() || confirm('Drop the unsaved edits?')) { localStorage.removeItem(DRAFT + state.name); setEditor(state.name, state.saved, state.saved); message(''); }
  }

  // ---- editor ----

  function gutter(problems) {
    var lines = $('yaml').value.split('\n').length;
    var bad = {};
    problems.forEach(function (p) { bad[p.line] = (bad[p.line] ? bad[p.line] + '\n' : '') + p.message; });
    var g = $('gutter'); g.innerHTML = '';
    var frag = document.createDocumentFragment();
    for (var i = 1; i <= lines; i++) {
      // one block per line and no text between them, so a marked line is exactly one line high
      var s = el('span', { text: String(i) });
      if (bad[i]) { s.className = 'bad'; s.title = bad[i]; s.setAttribute('data-line', i); }
      frag.appendChild(s);
    }
    g.appendChild(frag);
    g.scrollTop = $('yaml').scrollTop;
  }

  function validateNow() {
    var seq = ++state.validateSeq;
    return api('POST', '/api/validate', $('yaml').value, 'text/yaml').then(function (r) {
      if (seq !== state.validateSeq) { return; }
      var probs = (r.body && r.body.problems) || [];
      var v = $('validity');
      if (r.status === 200 && r.body.valid) { v.textContent = 'valid'; v.className = 'valid'; }
      else { v.textContent = (probs.length || 1) + ' problem(s)'; v.className = 'invalid'; }
      if (!probs.length && !r.ok) { probs = [{ line: 1, column: 1, message: (r.body && r.body.error) || ('error ' + r.status) }]; }
      var ul = $('problems'); ul.innerHTML = '';
      probs.forEach(function (p) {
        var e = el('li', { 'data-line': p.line, text: 'line ' + p.line + ', column ' + p.column + ': ' + p.message });
        e.onclick = function () { goToLine(p.line); };
        ul.appendChild(e);
      });
      gutter(probs);
      $('run').disabled = !(r.status === 200 && r.body.valid);
    });
  }

  function goToLine(line) {
    var ta = $('yaml'), pos = 0, lines = ta.value.split('\n');
    for (var i = 0; i < line - 1 && i < lines.length; i++) { pos += lines[i].length + 1; }
    ta.focus(); ta.setSelectionRange(pos, pos + (lines[line - 1] || '').length);
    ta.scrollTop = Math.max(0, (line - 5) * 18);
  }

  function save() {
    var text = $('yaml').value;
    return api('PUT', '/api/scenarios/' + encodeURIComponent(state.name), text, 'text/yaml').then(function (r) {
      if (r.ok) { state.saved = text; markDirty(); message('saved ' + state.name); } else { message(r.body.error || 'not saved', true); }
    });
  }

  // ---- runs ----

  function run() {
    var seed = $('seed').value.trim();
    if (seed !== '' && !/^-?[0-9]{1,20}$/.test(seed)) { message('the seed is a whole number', true); return; }
    var body = { scenario: state.name, yaml: $('yaml').value, runs: Number($('runs-n').value) };
    if (seed !== '') { body.seed = seed; } // none: the server's default seed
    if ($('label').value.trim()) { body.label = $('label').value.trim(); }
    $('run').disabled = true;
    return api('POST', '/api/runs', JSON.stringify(body)).then(function (r) {
      if (r.status !== 202) {
        var p = (r.body.problems || [])[0];
        $('progress-text').textContent = (p ? 'line ' + p.line + ': ' + p.message : r.body.error) || ('error ' + r.status);
        $('progress-wrap').hidden = false; $('progress').hidden = true; $('cancel').hidden = true; $('run').disabled = false;
        return;
      }
      watch(r.body.id);
      loadRuns();
    });
  }

  function watch(id) {
    $('progress-wrap').hidden = false; $('progress').hidden = false; $('progress').value = 0; $('progress-text').textContent = 'queued';
    $('cancel').hidden = false; $('cancel').onclick = function () { api('POST', '/api/runs/' + id + '/cancel'); };
    if (state.polling) { clearInterval(state.polling); }
    state.polling = setInterval(function () {
      api('GET', '/api/runs/' + id).then(function (r) {
        var run = r.body;
        if (!r.ok) { return; }
        $('progress').value = run.progress || 0;
        $('progress-text').textContent = run.status + ' ' + Math.round(100 * (run.progress || 0)) + '%';
        if (run.status === 'done' || run.status === 'failed' || run.status === 'cancelled') {
          clearInterval(state.polling); state.polling = null; $('run').disabled = false; $('cancel').hidden = true;
          if (run.status !== 'done') { $('progress-text').textContent = run.status + ': ' + run.error; } else { showRun(id); }
          loadRuns();
        }
      });
    }, 300);
  }

  function runTitle(run) { return run.label || run.scenario; }

  function runLinks(run) {
    var id = run.id, d = $('run-links'); d.innerHTML = '';
    d.appendChild(el('strong', { text: runTitle(run) + ' ' }));
    d.appendChild(el('span', { class: 'muted', text: run.runs + ' runs · seed ' + run.seed + ' · scenario ' + run.scenarioHash.substring(0, 12) + ' · ' + (run.created || '').replace('T', ' ') + ' ' }));
    d.appendChild(el('br'));
    [['Open report', '/api/runs/' + id + '/report', 'open-report'], ['Download results (JSON)', '/api/runs/' + id + '/results', 'download-results'],
      ['Download report (HTML)', '/api/runs/' + id + '/report?download=1', 'download-report']].forEach(function (l) {
      var a = el('a', { href: l[1], text: l[0], id: l[2] }); if (l[2] === 'open-report') { a.target = '_blank'; a.rel = 'noopener'; }
      d.appendChild(a); d.appendChild(document.createTextNode(' · '));
    });
    d.appendChild(button('Rerun', 'rerun', function () {
      api('POST', '/api/runs/' + id + '/rerun').then(function (r) { if (r.status === 202) { watch(r.body.id); loadRuns(); } else { message(r.body.error, true); } });
    }));
    d.appendChild(button('Sensitivity', 'sensitivity', function () { sensitivity(run); }));
    d.appendChild(el('span', { id: 'sensitivity-state', class: 'muted', text: run.sensitivity ? ' sensitivity ' + run.sensitivity + ' ' : '' }));
    d.appendChild(button('Scenario text', 'show-scenario', function () { toggleRunScenario(run); }));
    d.appendChild(button('Open in editor', 'reopen', function () { reopen(run); }));
    d.appendChild(el('pre', { id: 'run-scenario', class: 'run-scenario', hidden: 'hidden' }));
  }

  /** Sobol' indices of the run's scenario (small design: 32 samples, 2 replicates); drawn in its results when done. */
  function sensitivity(run) {
    api('POST', '/api/runs/' + run.id + '/sensitivity', JSON.stringify({ samples: 32, replicates: 2 })).then(function (r) {
      if (r.status !== 202) { message(r.body.error || ('error ' + r.status), true); return; }
      var poll = setInterval(function () {
        api('GET', '/api/runs/' + run.id).then(function (m) {
          var st = m.body.sensitivity || '';
          if ($('sensitivity-state')) { $('sensitivity-state').textContent = ' sensitivity ' + st + ' '; }
          if (st !== 'queued' && st !== 'running') {
            clearInterval(poll);
            if (st === 'done' && state.shown === run.id) { loadRuns().then(function () { showRun(run.id); }); }
          }
        });
      }, 500);
    });
  }

  function toggleRunScenario(run) {
    var pre = $('run-scenario');
    if (!pre.hidden) { pre.hidden = true; return; }
    api('GET', '/api/runs/' + run.id + '/scenario').then(function (r) { pre.textContent = r.body; pre.hidden = false; });
  }
  function reopen(run) {
    if (!leaveOk()) { return; }
    api('GET', '/api/runs/' + run.id + '/scenario').then(function (r) {
      if (!r.ok) { return; }
      // the run's text goes into the editor under its scenario's name, unsaved: Save writes it, Revert drops it
      api('GET', '/api/scenarios/' + encodeURIComponent(run.scenario)).then(function (cur) {
        setEditor(run.scenario, r.body, cur.ok ? cur.body : '');
        message('The scenario text of run ' + runTitle(run) + ' is in the editor' + (cur.ok && cur.body === r.body ? ' (the same as saved).' : ', unsaved.'));
        window.scrollTo(0, 0);
      });
    });
  }

  function highlight() {
    Array.prototype.forEach.call(document.querySelectorAll('#runs li'), function (li) {
      li.classList.toggle('selected', li.getAttribute('data-run') === state.shown);
    });
  }

  function showRun(id) {
    var run = state.runs.find(function (x) { return x.id === id; });
    return api('GET', '/api/runs/' + id + '/results').then(function (r) {
      if (!r.ok) { return; }
      state.shown = id; highlight();
      var go = function (meta) {
        runLinks(meta);
        var res = $('results'); StatecraftCharts.disposeIn(res);
        res.setAttribute('data-run', id);
        StatecraftCharts.renderReport(res, r.body);
      };
      if (run) { go(run); } else { api('GET', '/api/runs/' + id).then(function (m) { go(m.body); }); }
    });
  }

  function loadRuns() {
    return api('GET', '/api/runs').then(function (r) {
      if (!r.ok) { return; }
      state.runs = r.body;
      var ul = $('runs'); ul.innerHTML = '';
      r.body.forEach(function (run) {
        var cb = el('input', { type: 'checkbox', value: run.id, 'aria-label': 'compare ' + runTitle(run) });
        cb.disabled = run.status !== 'done';
        cb.checked = state.selected.indexOf(run.id) >= 0;
        cb.onchange = function () {
          state.selected = state.selected.filter(function (x) { return x !== run.id; });
          if (cb.checked) { state.selected.push(run.id); }
          $('compare').disabled = state.selected.length !== 2;
        };
        var a = el('a', { href: '#', 'data-run': run.id, text: runTitle(run) });
        a.onclick = function (ev) { ev.preventDefault(); if (run.status === 'done') { showRun(run.id); } };
        var meta = el('div', { class: 'meta', text: (run.created || '').replace('T', ' ') + ' · ' + run.runs + ' runs · seed ' + run.seed
          + ' · #' + run.scenarioHash.substring(0, 8) + (run.label ? ' · ' + run.scenario : '') }, []);
        var head = el('div', { class: 'headline-line status-' + run.status, text: run.status === 'done' ? (run.headline || 'done') : (run.status + (run.error ? ': ' + run.error : '')) });
        ul.appendChild(el('li', { 'data-run': run.id }, [cb, ' ', a, meta, head]));
      });
      highlight();
    });
  }

  // ---- compare ----

  /** Line diff by the longest common subsequence (O(n·m); scenarios are a few hundred lines). */
  function diffLines(a, b) {
    var n = a.length, m = b.length;
    if (n * m > 4e6) { return null; }
    var L = [];
    for (var i = 0; i <= n; i++) { L.push(new Uint16Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) { for (var j = m - 1; j >= 0; j--) { L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]); } }
    var out = []; i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push([' ', a[i], i + 1, j + 1]); i++; j++; }
      else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) { out.push(['-', a[i], i + 1, null]); i++; }
      else { out.push(['+', b[j], null, j + 1]); j++; }
    }
    return out;
  }
  function diffView(textA, textB) {
    var d = diffLines(textA.split('\n'), textB.split('\n'));
    var box = el('div', { class: 'diff', id: 'scenario-diff' });
    if (!d) { box.appendChild(el('p', { class: 'muted', text: 'The scenarios are too long to compare line by line here.' })); return box; }
    var changed = d.filter(function (x) { return x[0] !== ' '; }).length;
    if (!changed) { box.appendChild(el('p', { class: 'muted', text: 'The two runs were made from the same scenario text.' })); return box; }
    // changed lines with two lines of context; runs of unchanged lines between them are folded
    var keep = d.map(function () { return false; });
    d.forEach(function (x, k) { if (x[0] !== ' ') { for (var q = Math.max(0, k - 2); q <= Math.min(d.length - 1, k + 2); q++) { keep[q] = true; } } });
    var pre = el('pre');
    var folded = false;
    d.forEach(function (x, k) {
      if (!keep[k]) { if (!folded) { pre.appendChild(el('span', { class: 'fold', text: '…' })); folded = true; } return; }
      folded = false;
      var num = (x[2] === null ? '' : x[2]) + '\t' + (x[3] === null ? '' : x[3]);
      pre.appendChild(el('span', { class: x[0] === '+' ? 'add' : (x[0] === '-' ? 'del' : 'ctx'), text: num + '\t' + x[0] + ' ' + x[1] }));
    });
    box.appendChild(el('p', { class: 'muted', text: changed + ' line(s) differ (A line, B line; − only in A, + only in B).' }));
    box.appendChild(pre);
    return box;
  }

  function compare() {
    var ids = state.selected.slice(0, 2);
    var metas = ids.map(function (id) { return state.runs.find(function (x) { return x.id === id; }); });
    Promise.all(ids.map(function (id) { return api('GET', '/api/runs/' + id + '/results'); })
      .concat(ids.map(function (id) { return api('GET', '/api/runs/' + id + '/scenario'); }))).then(function (rs) {
      var res = $('results'); StatecraftCharts.disposeIn(res); res.innerHTML = ''; $('run-links').innerHTML = '';
      state.shown = null; highlight();
      res.removeAttribute('data-run');
      res.appendChild(el('h2', { text: 'Comparison' }));
      var labels = ['A', 'B'];
      var cards = el('div', { class: 'compare' });
      metas.forEach(function (m, i) {
        cards.appendChild(el('div', { class: 'compare-card', 'data-compare': ids[i] }, [
          el('h3', { text: labels[i] + ': ' + runTitle(m) }),
          el('p', { class: 'muted', text: m.scenario + ' · ' + m.runs + ' runs · seed ' + m.seed + ' · ' + (m.created || '').replace('T', ' ') }),
          el('p', { class: 'muted', text: 'scenario SHA-256 ' + m.scenarioHash.substring(0, 16) + '…' }),
          el('p', { text: m.headline || '' })]));
      });
      res.appendChild(cards);
      res.appendChild(el('h3', { text: 'Each policy in A and B' }));
      var wrap = el('div', { class: 'table-wrap' }, [StatecraftCharts.deltaTable(rs[0].body, rs[1].body, 'A', 'B')]);
      res.appendChild(wrap);
      res.appendChild(el('h3', { text: 'What changed in the scenario' }));
      res.appendChild(diffView(rs[2].body, rs[3].body));
      StatecraftCharts.compareFigures(rs[0].body, rs[1].body, 'A', 'B').forEach(function (f) { StatecraftCharts.figureSection(res, f); });
      res.setAttribute('data-compared', ids.join(','));
    });
  }

  $('yaml').addEventListener('input', function () {
    gutter([]); markDirty();
    clearTimeout(state.validateTimer); state.validateTimer = setTimeout(validateNow, 300);
  });
  $('yaml').addEventListener('scroll', function () { $('gutter').scrollTop = $('yaml').scrollTop; });
  window.addEventListener('beforeunload', function (e) { if (dirty()) { e.preventDefault(); e.returnValue = ''; } });
  $('save').onclick = save;
  $('revert').onclick = revert;
  $('run').onclick = run;
  $('compare').onclick = compare;
  $('new-scenario').onclick = newScenario;
  $('copy-scenario').onclick = copyScenario;
  $('rename-scenario').onclick = renameScenario;
  $('delete-scenario').onclick = deleteScenario;
  $('restore-bundled').onclick = restoreBundled;
  // the default seed is the engine's (MonteCarloOptions.DEFAULT_SEED), told by the server, never written here
  api('GET', '/api/limits').then(function (r) {
    if (r.ok && !$('seed').value) { $('seed').value = r.body.defaultSeed; }
  });
  loadScenarios().then(loadRuns);
})();
