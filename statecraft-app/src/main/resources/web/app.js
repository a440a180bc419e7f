/* Statecraft web app: scenario editor with live validation, background runs with progress, results and comparison. */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var state = { name: null, validateTimer: null, validateSeq: 0, polling: null, selected: [] };

  function api(method, url, body, type) {
    var init = { method: method, headers: {} };
    if (body !== undefined) { init.body = body; init.headers['Content-Type'] = type || 'application/json'; }
    return fetch(url, init).then(function (r) {
      var ct = r.headers.get('Content-Type') || '';
      var p = ct.indexOf('json') >= 0 ? r.json() : r.text();
      return p.then(function (b) { return { status: r.status, ok: r.ok, body: b }; });
    });
  }

  function li(text, attrs) { var e = document.createElement('li'); e.textContent = text; Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); }); return e; }

  function loadScenarios() {
    return api('GET', '/api/scenarios').then(function (r) {
      var ul = $('scenarios'); ul.innerHTML = '';
      r.body.forEach(function (s) {
        var item = document.createElement('li');
        var a = document.createElement('a'); a.href = '#'; a.textContent = s.name; a.setAttribute('data-scenario', s.name);
        a.onclick = function (ev) { ev.preventDefault(); openScenario(s.name); };
        item.appendChild(a); if (s.name === state.name) { item.className = 'active'; }
        ul.appendChild(item);
      });
      if (!state.name && r.body.length) { return openScenario(r.body[0].name); }
    });
  }

  function openScenario(name) {
    return api('GET', '/api/scenarios/' + encodeURIComponent(name)).then(function (r) {
      state.name = name; $('scenario-name').textContent = name;
      $('yaml').value = r.body; gutter([]); validateNow();
      Array.prototype.forEach.call(document.querySelectorAll('#scenarios li'), function (x) { x.className = x.textContent === name ? 'active' : ''; });
    });
  }

  function gutter(problems) {
    var lines = $('yaml').value.split('\n').length;
    var bad = {};
    problems.forEach(function (p) { bad[p.line] = (bad[p.line] ? bad[p.line] + '\n' : '') + p.message; });
    var g = $('gutter'); g.innerHTML = '';
    for (var i = 1; i <= lines; i++) {
      var s = document.createElement('span');
      s.textContent = String(i);
      if (bad[i]) { s.className = 'bad'; s.title = bad[i]; s.setAttribute('data-line', i); }
      g.appendChild(s); g.appendChild(document.createTextNode('\n'));
    }
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
      if (r.status === 413) { probs = [{ line: 1, column: 1, message: r.body.error }]; }
      var ul = $('problems'); ul.innerHTML = '';
      probs.forEach(function (p) {
        var e = li('line ' + p.line + ', column ' + p.column + ': ' + p.message, { 'data-line': p.line });
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
    return api('PUT', '/api/scenarios/' + encodeURIComponent(state.name), $('yaml').value, 'text/yaml').then(function (r) {
      $('validity').textContent = r.ok ? 'saved' : (r.body.error || 'not saved');
    });
  }

  function run() {
    var body = JSON.stringify({ scenario: state.name, yaml: $('yaml').value, runs: Number($('runs-n').value), seed: Number($('seed').value) });
    $('run').disabled = true;
    return api('POST', '/api/runs', body).then(function (r) {
      if (r.status !== 202) { $('progress-text').textContent = r.body.error || ('error ' + r.status); $('progress-wrap').hidden = false; $('run').disabled = false; return; }
      watch(r.body.id);
      loadRuns();
    });
  }

  function watch(id) {
    $('progress-wrap').hidden = false; $('progress').value = 0; $('progress-text').textContent = 'queued';
    if (state.polling) { clearInterval(state.polling); }
    state.polling = setInterval(function () {
      api('GET', '/api/runs/' + id).then(function (r) {
        var run = r.body;
        $('progress').value = run.progress || 0;
        $('progress-text').textContent = run.status + ' ' + Math.round(100 * (run.progress || 0)) + '%';
        if (run.status === 'done' || run.status === 'failed') {
          clearInterval(state.polling); state.polling = null; $('run').disabled = false;
          if (run.status === 'failed') { $('progress-text').textContent = 'failed: ' + run.error; }
          else { showRun(id); }
          loadRuns();
        }
      });
    }, 300);
  }

  function runLinks(id) {
    var d = $('run-links'); d.innerHTML = '';
    [['Open report', '/api/runs/' + id + '/report', 'open-report'], ['Download results (JSON)', '/api/runs/' + id + '/results', 'download-results'],
      ['Download report (HTML)', '/api/runs/' + id + '/report?download=1', 'download-report']].forEach(function (l) {
      var a = document.createElement('a'); a.href = l[1]; a.textContent = l[0]; a.id = l[2]; if (l[2] === 'open-report') { a.target = '_blank'; }
      d.appendChild(a); d.appendChild(document.createTextNode(' · '));
    });
    var b = document.createElement('button'); b.textContent = 'Rerun'; b.id = 'rerun';
    b.onclick = function () { api('POST', '/api/runs/' + id + '/rerun').then(function (r) { if (r.status === 202) { watch(r.body.id); loadRuns(); } }); };
    d.appendChild(b);
  }

  function showRun(id) {
    return api('GET', '/api/runs/' + id + '/results').then(function (r) {
      if (!r.ok) { return; }
      runLinks(id);
      var res = $('results'); StatecraftCharts.disposeIn(res);
      res.setAttribute('data-run', id);
      StatecraftCharts.renderReport(res, r.body);
    });
  }

  function loadRuns() {
    return api('GET', '/api/runs').then(function (r) {
      var ul = $('runs'); ul.innerHTML = '';
      r.body.forEach(function (run) {
        var item = document.createElement('li');
        var cb = document.createElement('input'); cb.type = 'checkbox'; cb.value = run.id; cb.disabled = run.status !== 'done';
        cb.checked = state.selected.indexOf(run.id) >= 0;
        cb.onchange = function () {
          state.selected = state.selected.filter(function (x) { return x !== run.id; });
          if (cb.checked) { state.selected.push(run.id); }
          $('compare').disabled = state.selected.length !== 2;
        };
        var a = document.createElement('a'); a.href = '#'; a.setAttribute('data-run', run.id);
        a.textContent = run.scenario + ' · ' + run.runs + ' runs · seed ' + run.seed + ' · ' + run.status + (run.created ? ' · ' + run.created.replace('T', ' ') : '');
        a.onclick = function (ev) { ev.preventDefault(); if (run.status === 'done') { showRun(run.id); } };
        item.appendChild(cb); item.appendChild(document.createTextNode(' ')); item.appendChild(a);
        ul.appendChild(item);
      });
    });
  }

  function compare() {
    var ids = state.selected.slice(0, 2);
    Promise.all(ids.map(function (id) { return api('GET', '/api/runs/' + id + '/results'); })).then(function (rs) {
      var res = $('results'); StatecraftCharts.disposeIn(res); res.innerHTML = ''; $('run-links').innerHTML = '';
      var h = document.createElement('h2'); h.textContent = 'Comparison'; res.appendChild(h);
      var wrap = document.createElement('div'); wrap.className = 'compare'; res.appendChild(wrap);
      rs.forEach(function (r, i) {
        var col = document.createElement('div'); col.setAttribute('data-compare', ids[i]);
        var t = document.createElement('h3'); t.textContent = r.body.scenario.file + ' — ' + r.body.run.runs + ' runs, seed ' + r.body.run.seed + ' (' + ids[i].substring(0, 8) + ')';
        col.appendChild(t); col.appendChild(StatecraftCharts.rankingTable(r.body));
        wrap.appendChild(col);
        var figs = StatecraftCharts.figures(r.body);
        ['concession', 'pareto'].forEach(function (n) { var f = figs.find(function (x) { return x.name === n; }); if (f) { StatecraftCharts.figureSection(col, f); } });
      });
    });
  }

  $('yaml').addEventListener('input', function () {
    gutter([]);
    clearTimeout(state.validateTimer); state.validateTimer = setTimeout(validateNow, 300);
  });
  $('yaml').addEventListener('scroll', function () { $('gutter').scrollTop = $('yaml').scrollTop; });
  $('save').onclick = save;
  $('run').onclick = run;
  $('compare').onclick = compare;
  loadScenarios().then(loadRuns);
})();
