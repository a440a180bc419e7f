/*
 * Statecraft charts: draws an analysis (the JSON of `statecraft analyze --format json`, plus optional
 * bargaining, sensitivity and tension sections) with Apache ECharts. Shared by the self-contained HTML report
 * and the local web app. Colours: Okabe & Ito (2008), safe for the common forms of colour blindness.
 */
(function (global) {
  'use strict';
  var OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var DASHES = ['solid', 'dashed', 'dotted'];

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function fmt(x, digits) {
    if (x === null || x === undefined || typeof x !== 'number' || !isFinite(x)) { return '–'; }
    var d = digits === undefined ? 3 : digits;
    var a = Math.abs(x);
    if (a !== 0 && (a >= 1e6 || a < Math.pow(10, -d))) { return x.toExponential(2); }
    return Number(x.toFixed(d)).toLocaleString('en-GB', { maximumFractionDigits: d });
  }
  function pct(x) { return (x === null || x === undefined || !isFinite(x)) ? '–' : (100 * x).toFixed(1) + '%'; }

  /** Wilson score interval (Wilson 1927) for a proportion p observed in n trials, 95% by default. */
  function wilson(p, n, z) {
    z = z || 1.959964;
    if (!n) { return [0, 1]; }
    var z2 = z * z, d = 1 + z2 / n;
    var c = (p + z2 / (2 * n)) / d;
    var h = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / d;
    return [Math.max(0, c - h), Math.min(1, c + h)];
  }

  function colours(data) {
    var m = {};
    data.policies.forEach(function (p, i) { m[p.id] = OKABE_ITO[i % OKABE_ITO.length]; });
    return m;
  }
  function dash(data, id) {
    var i = data.policies.findIndex(function (p) { return p.id === id; });
    return DASHES[Math.floor(Math.max(0, i) / OKABE_ITO.length) % DASHES.length];
  }
  function policyName(data, id) {
    var p = data.policies.find(function (q) { return q.id === id; });
    return p ? p.name : id;
  }

  var BASE = {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    grid: { left: 70, right: 30, top: 40, bottom: 60, containLabel: false },
    tooltip: { trigger: 'item' }
  };
  function option(o) {
    var r = {};
    Object.keys(BASE).forEach(function (k) { r[k] = BASE[k]; });
    Object.keys(o).forEach(function (k) { r[k] = o[k]; });
    r.color = OKABE_ITO;
    return r;
  }

  // ---- chart options, one function per figure; each returns {name, title, caption, option, height} ----

  function paretoFigure(data) {
    var col = colours(data);
    var pts = data.policies.map(function (p) {
      return { name: p.name, value: [p.collateral.value, p.meanConcession.value], itemStyle: { color: col[p.id] },
        symbol: p.paretoEfficient ? 'circle' : 'triangle', policy: p.id };
    });
    var front = data.policies.filter(function (p) { return p.paretoEfficient; })
      .map(function (p) { return [p.collateral.value, p.meanConcession.value]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    return {
      name: 'pareto', title: 'Effectiveness against collateral harm',
      caption: 'Each policy: expected degree of concession at the horizon (effectiveness) against expected collateral harm '
        + '(relative-loss-days over collateral constituencies). Circles are on the Pareto front (line); triangles are dominated.',
      option: option({
        xAxis: { type: 'value', name: 'collateral harm (relative-loss-days)', nameLocation: 'middle', nameGap: 30 },
        grid: { left: 60, right: 170, top: 40, bottom: 60 },
        yAxis: { type: 'value', name: 'E[concession]', min: 0, max: 1 },
        tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName === 'Pareto front' ? 'Pareto front' : p.name + '<br>collateral ' + fmt(p.value[0]) + '<br>E[concession] ' + fmt(p.value[1]); } },
        series: [
          { name: 'Pareto front', type: 'line', data: front, symbol: 'none', lineStyle: { color: '#555', type: 'dashed' }, z: 1 },
          { name: 'policies', type: 'scatter', data: pts, symbolSize: 14, z: 2,
            label: { show: true, position: 'right', formatter: function (p) { return p.name; }, fontSize: 11 } }
        ]
      })
    };
  }

  function concessionFigure(data) {
    var n = data.run.runs, col = colours(data), series = [];
    var days = [];
    for (var d = 0; d <= data.scenario.horizonDays; d++) { days.push(String(d)); }
    data.policies.forEach(function (p) {
      var curve = p.concessionCurve || [];
      var lo = [], width = [];
      curve.forEach(function (v) { var b = wilson(v, n); lo.push(b[0]); width.push(b[1] - b[0]); });
      var stack = 'band-' + p.id;
      // the standard ECharts confidence band: an invisible lower line, and the band's width stacked on it
      series.push({ name: p.name, type: 'line', data: lo, stack: stack, symbol: 'none', lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false } });
      series.push({ name: p.name, type: 'line', data: width, stack: stack, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: col[p.id], opacity: 0.15 }, silent: true, tooltip: { show: false } });
      series.push({ name: p.name, type: 'line', data: curve, symbol: 'none', lineStyle: { color: col[p.id], width: 2, type: dash(data, p.id) }, itemStyle: { color: col[p.id] } });
    });
    return {
      name: 'concession', title: 'Probability of concession over time',
      caption: 'Share of the ' + n + ' runs per policy in which the target had conceded by each day; the band is the 95% Wilson interval for that share.',
      height: 420,
      option: option({
        legend: { type: 'scroll', bottom: 0, data: data.policies.map(function (p) { return p.name; }) },
        tooltip: { trigger: 'item', valueFormatter: function (v) { return pct(v); } },
        xAxis: { type: 'category', data: days, boundaryGap: false, name: 'day', nameLocation: 'middle', nameGap: 25, axisLabel: { interval: 29 } },
        yAxis: { type: 'value', name: 'P(conceded)', min: 0, max: 1 },
        grid: { left: 60, right: 30, top: 40, bottom: 80 },
        series: series
      })
    };
  }

  function harmFigures(data) {
    var col = colours(data), sides = [];
    (data.scenario.constituencies || []).forEach(function (c) { if (sides.indexOf(c.side) < 0) { sides.push(c.side); } });
    return sides.map(function (side) {
      var cons = data.scenario.constituencies.filter(function (c) { return c.side === side; });
      var series = data.policies.map(function (p) {
        return { name: p.name, type: 'bar', itemStyle: { color: col[p.id] },
          data: cons.map(function (c) {
            var h = (p.harms || []).find(function (x) { return x.constituency === c.id; }) || {};
            return { value: h.meanRelative || 0, harm: h, unit: c.unit };
          }) };
      });
      return {
        name: 'harm-' + side, title: 'Harm by constituency: ' + side,
        caption: 'Expected harm over the horizon per constituency on the ' + side + ' side, in relative-loss-days (loss as a share of the baseline, summed over days); the tooltip gives the absolute mean and 5–95% range in the constituency\'s unit.',
        height: 380,
        option: option({
          legend: { type: 'scroll', bottom: 0 },
          tooltip: { trigger: 'item', formatter: function (q) {
            var h = q.data.harm || {};
            return q.seriesName + '<br>' + q.name + ': ' + fmt(q.value) + ' relative-loss-days<br>' + fmt(h.mean) + ' ' + (q.data.unit || '') + ' (5–95%: ' + fmt(h.p05) + ' – ' + fmt(h.p95) + ')';
          } },
          xAxis: { type: 'category', data: cons.map(function (c) { return c.name; }), axisLabel: { interval: 0, width: 140, overflow: 'break', fontSize: 10 } },
          yAxis: { type: 'value', name: 'relative-loss-days' },
          grid: { left: 70, right: 20, top: 40, bottom: 90 },
          series: series
        })
      };
    });
  }

  function stanceFigure(data) {
    var col = colours(data);
    var first = data.policies[0];
    var members = (first && first.stances || []).map(function (s) { return s.member; });
    if (!members.length) { return null; }
    var series = data.policies.map(function (p) {
      return { name: p.name, type: 'bar', itemStyle: { color: col[p.id] },
        data: members.map(function (m) { var s = p.stances.find(function (x) { return x.member === m; }); return s ? s['final'] : null; }) };
    });
    series.push({ name: 'initial', type: 'scatter', symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#000' },
      data: members.map(function (m) { return first.stances.find(function (x) { return x.member === m; }).initial; }) });
    series.push({ name: 'baseline at horizon', type: 'scatter', symbol: 'rect', symbolSize: 10, itemStyle: { color: '#888' },
      data: members.map(function (m) { return first.stances.find(function (x) { return x.member === m; }).baselineFinal; }) });
    return {
      name: 'stances', title: 'Third-party stances toward the target',
      caption: 'Expressed stance toward the target (−1 hostile … +1 supportive) of each influence-network member: at the start (diamond), at the horizon under no new policy (square) and at the horizon under each policy (bars), means over runs (Friedkin–Johnsen dynamics).',
      height: 400,
      option: option({
        legend: { type: 'scroll', bottom: 0 },
        tooltip: { trigger: 'item', valueFormatter: function (v) { return fmt(v); } },
        xAxis: { type: 'category', data: members, axisLabel: { interval: 0 } },
        yAxis: { type: 'value', name: 'stance', min: -1, max: 1 },
        grid: { left: 60, right: 20, top: 40, bottom: 80 },
        series: series
      })
    };
  }

  /** One small line chart per network member: its mean stance per day under each policy. */
  function stanceTrajectoryFigures(data) {
    var col = colours(data);
    var first = data.policies[0];
    var members = (first && first.daily && first.daily.stances) ? Object.keys(first.daily.stances) : [];
    return members.map(function (m) {
      return {
        name: 'stance-' + m, title: 'Stance of ' + m + ' toward the target over time',
        caption: 'Mean expressed stance of ' + m + ' toward the target per day (−1 hostile … +1 supportive), under each policy; Friedkin–Johnsen steps every few days.',
        height: 300,
        option: option({
          legend: { type: 'scroll', bottom: 0 },
          tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v); } },
          xAxis: { type: 'value', name: 'day', nameLocation: 'middle', nameGap: 25, min: 0, max: data.scenario.horizonDays },
          yAxis: { type: 'value', name: 'stance', min: -1, max: 1 },
          grid: { left: 60, right: 20, top: 30, bottom: 70 },
          series: data.policies.map(function (p) {
            var v = (p.daily && p.daily.stances && p.daily.stances[m]) || [];
            return { name: p.name, type: 'line', symbol: 'none', lineStyle: { color: col[p.id], width: 1.5, type: dash(data, p.id) },
              itemStyle: { color: col[p.id] }, data: v.map(function (x, t) { return [t, x]; }) };
          })
        })
      };
    });
  }

  function tensionFigure(data) {
    var col = colours(data), series = [];
    data.policies.forEach(function (p) {
      var g = (p.daily && p.daily.goldstein) || [];
      series.push({ name: p.name, type: 'line', symbol: 'none', lineStyle: { color: col[p.id], width: 1.5, type: dash(data, p.id) }, itemStyle: { color: col[p.id] },
        data: g.map(function (v, t) { return [t, v]; }) });
    });
    var byDay = {};
    (data.observedEvents || []).forEach(function (e) {
      var dm = data.scenario.demand || {};
      var dyad = (e.actor === dm.coercer && e.counterpart === dm.target) || (e.actor === dm.target && e.counterpart === dm.coercer);
      if (dyad) { byDay[e.day] = (byDay[e.day] || 0) + e.goldstein; }
    });
    var obs = Object.keys(byDay).map(function (d) { return [Number(d), byDay[d]]; });
    series.push({ name: 'observed (scenario events)', type: 'scatter', symbol: 'diamond', symbolSize: 11, itemStyle: { color: '#000' }, data: obs, z: 5 });
    return {
      name: 'tension', title: 'Tension index: simulated and observed',
      caption: 'Daily Goldstein sum of events between ' + data.scenario.demand.coercer + ' and ' + data.scenario.demand.target
        + ': mean over runs per policy (lines), and the events recorded in the scenario (diamonds). Negative is conflict.',
      height: 400,
      option: option({
        legend: { type: 'scroll', bottom: 0 },
        tooltip: { trigger: 'item', valueFormatter: function (v) { return fmt(v, 2); } },
        xAxis: { type: 'value', name: 'day', min: 0, max: data.scenario.horizonDays, nameLocation: 'middle', nameGap: 25 },
        yAxis: { type: 'value', name: 'Goldstein sum / day' },
        dataZoom: [{ type: 'inside' }],
        grid: { left: 60, right: 20, top: 40, bottom: 80 },
        series: series
      })
    };
  }

  function bargainingFigure(data) {
    var b = data.bargaining;
    if (!b || !b.turns || !b.actors) { return null; }
    var series = b.actors.map(function (a, i) {
      return { name: a, type: 'line', symbolSize: 5, lineStyle: { color: OKABE_ITO[i % 8], type: DASHES[Math.floor(i / 8) % 3] }, itemStyle: { color: OKABE_ITO[i % 8] },
        data: b.turns.map(function (t, k) { return [k, t[i]]; }) };
    });
    series.push({ name: 'forecast', type: 'line', data: [], markLine: { symbol: 'none', lineStyle: { color: '#000', type: 'dashed' },
      label: { formatter: 'forecast ' + fmt(b.outcome, 1) }, data: [{ yAxis: b.outcome }] } });
    return {
      name: 'bargaining', title: 'Bargaining forecast: ' + (b.issue || 'demand issue'),
      caption: 'Positions of the actors on the demand issue (0–100) turn by turn in KTAB\'s Spatial Model of Politics, every quantity at its mean; the dashed line is the forecast outcome' + (b.converged === false ? ' (the model stopped at its turn limit before converging)' : '') + '.',
      height: 400,
      option: option({
        legend: { type: 'scroll', bottom: 0 },
        tooltip: { trigger: 'item', valueFormatter: function (v) { return fmt(v, 1); } },
        xAxis: { type: 'value', name: 'turn', minInterval: 1, nameLocation: 'middle', nameGap: 25 },
        yAxis: { type: 'value', name: 'position', min: 0, max: 100 },
        grid: { left: 60, right: 20, top: 40, bottom: 80 },
        series: series
      })
    };
  }

  /** Tornado rows from the sensitivity section, accepting the common shapes; null when none is recognised. */
  function tornadoRows(s) {
    var rows = Array.isArray(s) ? s : (s && (s.tornado || s.parameters || s.rows || s.inputs));
    if (!Array.isArray(rows)) { return null; }
    var out = rows.map(function (r) {
      var name = r.parameter || r.name || r.input || r.id;
      var lo = r.low !== undefined ? r.low : (r.lower !== undefined ? r.lower : r.atLow);
      var hi = r.high !== undefined ? r.high : (r.upper !== undefined ? r.upper : r.atHigh);
      if (name === undefined || typeof lo !== 'number' || typeof hi !== 'number') { return null; }
      return { name: String(name), low: lo, high: hi };
    }).filter(function (r) { return r; });
    return out.length ? out : null;
  }

  function tornadoFigure(data) {
    var s = data.sensitivity;
    var rows = tornadoRows(s);
    if (!rows) { return null; }
    var base = (s && typeof s.base === 'number') ? s.base : (s && typeof s.baseline === 'number' ? s.baseline : 0);
    rows.sort(function (a, b) { return Math.abs(a.high - a.low) - Math.abs(b.high - b.low); });
    return {
      name: 'tornado', title: 'Sensitivity (tornado)' + (s && s.output ? ': ' + s.output : ''),
      caption: 'Change in the output when each input is set to the low and the high end of its range, the others at their base values; widest bar first.',
      height: Math.max(240, 40 + rows.length * 28),
      option: option({
        legend: { bottom: 0 },
        tooltip: { trigger: 'item', valueFormatter: function (v) { return fmt(v); } },
        xAxis: { type: 'value', name: 'output − base' },
        yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { width: 200, overflow: 'truncate' } },
        grid: { left: 210, right: 30, top: 30, bottom: 60 },
        series: [
          { name: 'input at low', type: 'bar', stack: 't', itemStyle: { color: OKABE_ITO[0] }, data: rows.map(function (r) { return r.low - base; }) },
          { name: 'input at high', type: 'bar', stack: 't2', barGap: '-100%', itemStyle: { color: OKABE_ITO[1] }, data: rows.map(function (r) { return r.high - base; }) }
        ]
      })
    };
  }

  /** Event-data tension series ({@code statecraft events tension}): [{date|day|week, value|tension|index}]. */
  function eventsTensionFigure(data) {
    var t = data.tension;
    var rows = Array.isArray(t) ? t : (t && (t.series || t.days || t.weeks || t.rows));
    if (!Array.isArray(rows) || !rows.length) { return null; }
    var pts = rows.map(function (r) {
      var x = r.date || r.day || r.week || r.period;
      var y = [r.tension, r.index, r.value, r.goldstein].find(function (v) { return typeof v === 'number'; });
      return (x === undefined || y === undefined) ? null : [String(x), y];
    }).filter(function (p) { return p; });
    if (!pts.length) { return null; }
    return {
      name: 'events-tension', title: 'Tension index from event data',
      caption: 'Dyadic tension index computed from event data by statecraft events tension' + (t.dyad ? ' (' + t.dyad + ')' : '') + '.',
      option: option({
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: pts.map(function (p) { return p[0]; }) },
        yAxis: { type: 'value', name: 'tension' },
        series: [{ name: 'tension', type: 'line', symbol: 'none', data: pts.map(function (p) { return p[1]; }), lineStyle: { color: OKABE_ITO[5] }, itemStyle: { color: OKABE_ITO[5] } }]
      })
    };
  }

  /** Every figure of an analysis, in report order; absent optional ones are left out. */
  function figures(data) {
    var f = [paretoFigure(data), concessionFigure(data)].concat(harmFigures(data));
    f.push(stanceFigure(data));
    f = f.concat(stanceTrajectoryFigures(data));
    f.push(tensionFigure(data), eventsTensionFigure(data), bargainingFigure(data), tornadoFigure(data));
    return f.filter(function (x) { return x; });
  }

  // ---- drawing ----

  var instances = [];
  function draw(container, fig) {
    var div = el('div', { class: 'chart', 'data-figure': fig.name });
    div.style.height = (fig.height || 360) + 'px';
    container.appendChild(div);
    var chart = global.echarts.init(div, null, { renderer: 'svg' });
    chart.setOption(fig.option);
    instances.push(chart);
    return chart;
  }
  function figureSection(parent, fig) {
    var s = el('section', { class: 'figure', id: 'fig-' + fig.name }, [el('h3', { text: fig.title })]);
    parent.appendChild(s);
    draw(s, fig);
    s.appendChild(el('p', { class: 'caption', text: fig.caption }));
    return s;
  }
  function notComputed(parent, title, how) {
    parent.appendChild(el('section', { class: 'figure not-computed' }, [el('h3', { text: title }),
      el('p', { class: 'caption', text: 'Not computed. ' + how })]));
  }

  function rankingTable(data) {
    var head = ['Rank', 'Policy', 'P(concession)', 'E[concession]', 'Effect', 'Median days', 'Attacks', 'Averted', 'Collateral', 'Own cost', 'P(clash)', 'Pareto'];
    var t = el('table', { class: 'ranking' }, [el('thead', null, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))])]);
    var body = el('tbody');
    data.policies.forEach(function (p) {
      var ci = function (e, f) { return f(e.value) + ' [' + f(e.lower) + '–' + f(e.upper) + ']'; };
      body.appendChild(el('tr', { 'data-policy': p.id }, [
        el('td', { text: String(p.rank) }), el('td', { title: p.description || '' }, [el('strong', { text: p.name })]),
        el('td', { text: ci(p.concession, pct) }), el('td', { text: fmt(p.meanConcession.value) }), el('td', { text: fmt(p.effect) }),
        el('td', { text: fmt(p.medianDaysToConcession, 0) }), el('td', { text: fmt(p.attacks.value, 1) }), el('td', { text: fmt(p.attacksAverted, 1) }),
        el('td', { text: fmt(p.collateral.value, 2) }), el('td', { text: fmt(p.coercerOwnCost.value, 2) }), el('td', { text: pct(p.clash.value) }),
        el('td', { text: p.paretoEfficient ? '✓' : '' })]));
    });
    t.appendChild(body);
    return t;
  }

  function robustnessTable(data) {
    var top = data.policies[0];
    if (!top || !data.robustness) { return null; }
    var rows = data.robustness.filter(function (r) { return r.policy === top.id; });
    var hinges = rows.some(function (r) { return r.hingesOn; });
    var head = ['Over', 'Share of runs in which ' + top.name + ' does better'];
    if (hinges) { head.push('Hinges on'); }
    var t = el('table', { class: 'robustness' }, [el('thead', null, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))])]);
    var body = el('tbody');
    rows.forEach(function (r) {
      var cells = [el('td', { text: policyName(data, r.over) }), el('td', { text: pct(r.share) })];
      if (hinges) { cells.push(el('td', { text: Array.isArray(r.hingesOn) ? r.hingesOn.map(function (h) { return typeof h === 'string' ? h : ((h.label || h.input) + (typeof h.spearman === 'number' ? ' (\u03c1 ' + (h.spearman >= 0 ? '+' : '') + h.spearman.toFixed(2) + ')' : '')); }).join('; ') : (r.hingesOn ? String(r.hingesOn.parameter || r.hingesOn) : '') })); }
      body.appendChild(el('tr', null, cells));
    });
    t.appendChild(body);
    return t;
  }

  function leverTable(data) {
    var levers = (data.policies[0] && data.policies[0].levers || []).map(function (l) { return l.lever; });
    var head = ['Policy'].concat(levers.map(function (l) { return l + ': used / mean days / lifted for own cost'; }));
    var t = el('table', { class: 'levers' }, [el('thead', null, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))])]);
    var body = el('tbody');
    data.policies.forEach(function (p) {
      body.appendChild(el('tr', null, [el('td', { text: p.name })].concat(levers.map(function (id) {
        var l = p.levers.find(function (x) { return x.lever === id; }) || {};
        return el('td', { text: l.used ? pct(l.used) + ' / ' + fmt(l.meanDaysInUse, 1) + ' / ' + pct(l.liftedForOwnCost) : '–' });
      }))));
    });
    t.appendChild(body);
    return t;
  }

  function brief(data) {
    var sc = data.scenario, dm = sc.demand || {};
    var s = el('section', { class: 'brief', id: 'brief' }, [
      el('h1', { text: sc.title || sc.id }),
      sc.description ? el('p', { text: sc.description }) : null,
      el('p', null, [el('strong', { text: dm.coercer + ' → ' + dm.target + ': ' }), dm.issue + ', from ' + fmt(dm.currentPosition, 0) + ' to the demanded ' + fmt(dm.demandedPosition, 0)
        + ' (0–100); the target counts as conceding at ' + pct(dm.releaseLevel) + ' of the way. From ' + sc.start + ' over ' + sc.horizonDays + ' days.']),
      el('p', { class: 'runinfo', text: data.run.runs + ' Monte Carlo runs per policy, seed ' + data.run.seed + ', credibility rule ' + data.run.credibility
        + '; scenario ' + (sc.file || sc.id) + ', SHA-256 ' + (sc.hash || '?') + '; statecraft ' + data.statecraft + '.' })
    ]);
    var top = data.policies[0];
    if (top) {
      s.appendChild(el('p', { class: 'headline', text: 'Most effective: ' + top.name + ' — P(concession) ' + pct(top.concession.value) + ', expected degree of concession ' + fmt(top.meanConcession.value) + '.' }));
    }
    return s;
  }

  function sources(data) {
    var list = el('ol', { class: 'sources' });
    (data.scenario.sources || []).forEach(function (src) {
      list.appendChild(el('li', { id: 'src-' + src.id }, [el('code', { text: src.id }), ' ', src.citation || '',
        src.url ? ' ' : null, src.url ? el('span', { class: 'url', text: src.url }) : null,
        src.note ? el('em', { text: ' — ' + src.note }) : null]));
    });
    if (!list.children.length) { list.appendChild(el('li', { text: 'The results carry no source list.' })); }
    return list;
  }

  /** The whole report into {@code container}. */
  function renderReport(container, data) {
    container.innerHTML = '';
    container.appendChild(brief(data));
    var figs = {};
    figures(data).forEach(function (f) { figs[f.name] = f; });
    var sec = function (id, title) { var s = el('section', { id: id, class: 'part' }, [el('h2', { text: title })]); container.appendChild(s); return s; };

    var rk = sec('ranking-section', 'Policies, ranked');
    rk.appendChild(rankingTable(data));
    rk.appendChild(el('p', { class: 'caption', text: 'Ranked by expected degree of concession at the horizon; intervals are 95%. Collateral and own cost in relative-loss-days.' }));
    var rob = robustnessTable(data);
    if (rob) { rk.appendChild(el('h3', { text: 'How robust is the ranking' })); rk.appendChild(rob); }
    figureSection(sec('pareto-section', 'Effectiveness and collateral harm'), figs.pareto);
    figureSection(sec('concession-section', 'Concession over time'), figs.concession);
    var hs = sec('harm-section', 'Who pays');
    Object.keys(figs).filter(function (k) { return k.indexOf('harm-') === 0; }).forEach(function (k) { figureSection(hs, figs[k]); });
    hs.appendChild(el('h3', { text: 'Lever use' }));
    hs.appendChild(leverTable(data));
    var st = sec('stance-section', 'Third parties');
    if (figs.stances) { figureSection(st, figs.stances); } else { notComputed(st, 'Third-party stances', 'The scenario has no influence network.'); }
    Object.keys(figs).filter(function (k) { return k.indexOf('stance-') === 0; }).forEach(function (k) { figureSection(st, figs[k]); });
    var te = sec('tension-section', 'Tension');
    figureSection(te, figs.tension);
    if (figs['events-tension']) { figureSection(te, figs['events-tension']); } else { notComputed(te, 'Tension index from event data', 'Run `statecraft events tension` and attach it with `statecraft report --tension FILE`.'); }
    var ba = sec('bargaining-section', 'Bargaining forecast');
    if (figs.bargaining) { figureSection(ba, figs.bargaining); } else { notComputed(ba, 'Bargaining forecast', (data.bargaining && data.bargaining.error) ? data.bargaining.error : 'These results carry no bargaining forecast.'); }
    var se = sec('sensitivity-section', 'Sensitivity');
    if (figs.tornado) { figureSection(se, figs.tornado); } else { notComputed(se, 'Sensitivity (tornado)', 'Run `statecraft sensitivity` and attach it with `statecraft report --sensitivity FILE`.'); }
    var so = sec('sources-section', 'Sources');
    so.appendChild(sources(data));
    container.setAttribute('data-rendered', 'true');
  }

  function resizeAll() { instances.forEach(function (c) { if (!c.isDisposed()) { c.resize(); } }); }
  function disposeIn(container) {
    instances = instances.filter(function (c) {
      if (container.contains(c.getDom())) { c.dispose(); return false; }
      return !c.isDisposed();
    });
  }

  /** Every figure as {name, title, svg, png}: SVG from the SVG renderer, PNG (2x) from the canvas renderer. */
  function exportFigures(data) {
    var host = el('div');
    host.style.position = 'absolute'; host.style.left = '-10000px';
    document.body.appendChild(host);
    var out = figures(data).map(function (f) {
      var w = 900, h = f.height || 400;
      var d1 = el('div'); d1.style.width = w + 'px'; d1.style.height = h + 'px'; host.appendChild(d1);
      var c1 = global.echarts.init(d1, null, { renderer: 'svg', width: w, height: h });
      var opt = Object.assign({}, f.option, { backgroundColor: '#ffffff', title: { text: f.title, left: 'center', textStyle: { fontSize: 14 } } });
      opt.grid = Object.assign({}, opt.grid || {}, { top: 50 });
      c1.setOption(opt);
      var url = c1.getDataURL({ type: 'svg' });
      var svg = url.indexOf('base64,') >= 0 ? atob(url.substring(url.indexOf('base64,') + 7)) : decodeURIComponent(url.substring(url.indexOf(',') + 1));
      c1.dispose();
      var d2 = el('div'); d2.style.width = w + 'px'; d2.style.height = h + 'px'; host.appendChild(d2);
      var c2 = global.echarts.init(d2, null, { renderer: 'canvas', width: w, height: h, devicePixelRatio: 2 });
      c2.setOption(opt);
      var png = c2.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      c2.dispose();
      return { name: f.name, title: f.title, svg: svg, png: png.substring(png.indexOf(',') + 1) };
    });
    document.body.removeChild(host);
    return out;
  }

  global.StatecraftCharts = {
    OKABE_ITO: OKABE_ITO, wilson: wilson, figures: figures, renderReport: renderReport, rankingTable: rankingTable,
    draw: draw, figureSection: figureSection, resizeAll: resizeAll, disposeIn: disposeIn, exportFigures: exportFigures, fmt: fmt, pct: pct
  };
  if (global.addEventListener) { global.addEventListener('resize', resizeAll); }
})(window);
