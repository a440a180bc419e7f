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

  /** Text made safe for HTML: every tooltip is HTML, and names come from the scenario, which anyone can write. */
  function esc(x) {
    return String(x === null || x === undefined ? '' : x).replace(/&/g, '&amp;').replace(/\u003c/g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  /** A tooltip formatter: lines(p) gives plain-text lines for one item; each is escaped. Works for item and axis tooltips. */
  function tip(lines) {
    return function (params) {
      var ps = Array.isArray(params) ? params : [params];
      return ps.map(function (p) {
        return (p.marker || '') + lines(p).map(esc).join('<br>');
      }).join('<br>');
    };
  }
  function valueTip(f) {
    return tip(function (p) {
      var v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      return [p.seriesName + (p.name && p.name !== p.seriesName ? ' · ' + p.name : '') + ': ' + f(v)];
    });
  }
  function has(x) { return x !== null && x !== undefined; }
  function num(x) { return typeof x === 'number' && isFinite(x); }

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

  /** A custom series that draws, per item, an interval on x [lo, hi] at y and/or on y [lo, hi] at x, with caps. */
  function errorBars(name, items, horizontal, vertical) {
    // the interval ends are encoded on their axes too, so the axes' extent includes them and no bar is clipped
    return {
      name: name, type: 'custom', z: 1, silent: true, tooltip: { show: false }, data: items,
      encode: { x: horizontal ? [0, 2, 3] : [0], y: vertical ? [1, 4, 5] : [1] },
      renderItem: function (params, api) {
        var x = api.value(0), y = api.value(1), c = api.visual('color'), parts = [];
        var cap = 4, style = { stroke: c, lineWidth: 1.4 };
        if (horizontal) {
          var a = api.coord([api.value(2), y]), b = api.coord([api.value(3), y]);
          parts.push({ type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style });
          parts.push({ type: 'line', shape: { x1: a[0], y1: a[1] - cap, x2: a[0], y2: a[1] + cap }, style: style });
          parts.push({ type: 'line', shape: { x1: b[0], y1: b[1] - cap, x2: b[0], y2: b[1] + cap }, style: style });
        }
        if (vertical) {
          var d = api.coord([x, api.value(4)]), e = api.coord([x, api.value(5)]);
          parts.push({ type: 'line', shape: { x1: d[0], y1: d[1], x2: e[0], y2: e[1] }, style: style });
          parts.push({ type: 'line', shape: { x1: d[0] - cap, y1: d[1], x2: d[0] + cap, y2: d[1] }, style: style });
          parts.push({ type: 'line', shape: { x1: e[0] - cap, y1: e[1], x2: e[0] + cap, y2: e[1] }, style: style });
        }
        return { type: 'group', children: parts };
      }
    };
  }
  function iv(e) { return (e && num(e.value)) ? [e.value, num(e.lower) ? e.lower : e.value, num(e.upper) ? e.upper : e.value] : null; }

  function paretoFigure(data) {
    var col = colours(data);
    var ps = data.policies.filter(function (p) { return iv(p.collateral) && iv(p.meanConcession); });
    if (!ps.length) { return null; }
    var pts = ps.map(function (p) {
      return { name: p.name, value: [p.collateral.value, p.meanConcession.value], itemStyle: { color: col[p.id] },
        symbol: p.paretoEfficient ? 'circle' : 'triangle', policy: p.id,
        ci: [iv(p.collateral), iv(p.meanConcession)] };
    });
    var bars = ps.map(function (p) {
      var x = iv(p.collateral), y = iv(p.meanConcession);
      return { value: [x[0], y[0], x[1], x[2], y[1], y[2]], itemStyle: { color: col[p.id] } };
    });
    var front = ps.filter(function (p) { return p.paretoEfficient; })
      .map(function (p) { return [p.collateral.value, p.meanConcession.value]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var lows = ps.map(function (p) { return iv(p.collateral)[1]; }), highs = ps.map(function (p) { return iv(p.collateral)[2]; });
    var xmin = niceFloor(Math.min.apply(null, lows.concat([0]))), xmax = niceCeil(Math.max.apply(null, highs) * 1.05);
    if (!(xmax > xmin)) { xmax = xmin + 1; }
    return {
      name: 'pareto', title: 'Effectiveness against collateral harm',
      caption: 'Each policy: expected degree of concession at the horizon (effectiveness) against expected collateral harm '
        + '(relative-loss-days over collateral constituencies), with 95% intervals on both. Circles are on the Pareto front (dashed line); '
        + 'triangles are dominated. The labels stand in a column on the right, spaced so that none overlaps another, each joined to its point.',
      height: 420,
      /** Labels in a column right of the plot at their points' heights, pushed apart to one line each (never overlapping). */
      layout: function (o, width, height) { labelColumn(o, width, height, pts, xmin, xmax); },
      option: option({
        xAxis: { type: 'value', name: 'collateral harm (relative-loss-days)', nameLocation: 'middle', nameGap: 30, min: xmin, max: xmax },
        grid: { left: 60, right: 230, top: 40, bottom: 60 },
        yAxis: { type: 'value', name: 'E[concession]', min: 0, max: 1 },
        tooltip: { trigger: 'item', formatter: function (p) {
          if (p.seriesName === 'Pareto front') { return esc('Pareto front'); }
          var c = p.data.ci;
          return p.marker + [p.name, 'collateral ' + fmt(c[0][0]) + ' [' + fmt(c[0][1]) + '–' + fmt(c[0][2]) + ']',
            'E[concession] ' + fmt(c[1][0]) + ' [' + fmt(c[1][1]) + '–' + fmt(c[1][2]) + ']'].map(esc).join('<br>');
        } },
        series: [
          { name: 'Pareto front', type: 'line', data: front, symbol: 'none', lineStyle: { color: '#555', type: 'dashed' }, z: 1 },
          errorBars('intervals', bars, true, true),
          { name: 'policies', type: 'scatter', data: pts, symbolSize: 13, z: 3 }
        ]
      })
    };
  }
  /**
   * Labels of scatter points (value [x, y], y in 0-1 on the axis, x from xmin to xmax) in a column right of the grid
   * at their points' heights, pushed apart to one line each so that none overlaps another, each joined to its point.
   */
  function labelColumn(o, width, height, pts, xmin, xmax) {
    var g = o.grid, gw = width - g.left - g.right, gh = height - g.top - g.bottom, lineH = 15;
    var items = pts.map(function (p) {
      return { name: p.name, px: g.left + (p.value[0] - xmin) / (xmax - xmin) * gw, py: g.top + (1 - p.value[1]) * gh };
    }).sort(function (a, b) { return a.py - b.py || (a.name < b.name ? -1 : 1); });
    items.forEach(function (it, i) { it.ly = i ? Math.max(it.py, items[i - 1].ly + lineH) : it.py; });
    var floor = g.top + gh + 20;
    for (var i = items.length - 1; i >= 0; i--) { items[i].ly = Math.min(items[i].ly, i === items.length - 1 ? floor : items[i + 1].ly - lineH); }
    var lx = g.left + gw + 14;
    o.graphic = items.map(function (it) {
      return { type: 'group', silent: true, children: [
        { type: 'line', shape: { x1: it.px + 7, y1: it.py, x2: lx - 3, y2: it.ly }, style: { stroke: '#aaa', lineWidth: 1 } },
        { type: 'text', x: lx, y: it.ly, style: { text: it.name, fontSize: 11, fill: '#222', verticalAlign: 'middle', align: 'left' } }] };
    });
  }
  function niceCeil(v) { if (!(v > 0)) { return 0; } var e = Math.pow(10, Math.floor(Math.log10(v))); return Math.ceil(v / e) * e; }
  function niceFloor(v) { return v >= 0 ? 0 : -niceCeil(-v); }

  /** Forest plot: every figure of the ranking that has a 95% interval, one panel each, policies in rank order. */
  var FOREST = [['concession', 'P(concession)', pct], ['meanConcession', 'E[concession]', fmt], ['attacks', 'attacks', fmt],
    ['collateral', 'collateral (rel.-loss-days)', fmt], ['coercerOwnCost', 'own cost (rel.-loss-days)', fmt], ['clash', 'P(armed clash)', pct]];
  function forestFigure(data) {
    var col = colours(data), ps = data.policies;
    var metrics = FOREST.filter(function (m) { return ps.some(function (p) { return iv(p[m[0]]); }); });
    if (!metrics.length || !ps.length) { return null; }
    var cols = 3, rows = Math.ceil(metrics.length / cols);
    var rowH = ps.length * 24 + 50, labelW = 190, gap = 55, r, c;
    var grids = [], xs = [], ys = [], series = [];
    var names = ps.map(function (p) { return p.name; });
    metrics.forEach(function (m, k) {
      r = Math.floor(k / cols); c = k % cols;
      grids.push({ top: 30 + r * rowH, height: rowH - 50, left: labelW + c * 10, width: 100 }); // left and width: layout()
      var prob = m[2] === pct, pad = function (v) { return 0.08 * ((v.max - v.min) || 1); };
      xs.push({ type: 'value', gridIndex: k, name: m[1], nameLocation: 'middle', nameGap: 22, scale: true, splitNumber: 4,
        min: function (v) { return prob ? Math.max(0, v.min - pad(v)) : v.min - pad(v); },
        max: function (v) { return prob ? Math.min(1, v.max + pad(v)) : v.max + pad(v); },
        axisLabel: { fontSize: 10, formatter: function (v) { return m[2] === pct ? Math.round(100 * v) + '%' : fmt(v, 2); } } });
      ys.push({ type: 'category', gridIndex: k, data: names, inverse: true, axisLabel: { show: c === 0, width: labelW - 15, overflow: 'truncate' },
        axisTick: { show: false } });
      var items = ps.map(function (p, i) { var e = iv(p[m[0]]); return e ? { value: [e[0], i, e[1], e[2]], itemStyle: { color: col[p.id] } } : null; })
        .filter(function (x) { return x; });
      series.push(errorBars(m[1] + ' interval', items, true, false));
      series[series.length - 1].xAxisIndex = k; series[series.length - 1].yAxisIndex = k;
      series.push({ name: m[1], type: 'scatter', xAxisIndex: k, yAxisIndex: k, symbolSize: 8, z: 3,
        data: ps.map(function (p, i) { var e = iv(p[m[0]]); return e ? { value: [e[0], i], itemStyle: { color: col[p.id] }, lo: e[1], hi: e[2] } : null; })
          .filter(function (x) { return x; }) });
    });
    return {
      name: 'forest', title: 'The ranking with its 95% intervals',
      caption: 'Each figure of the ranking that carries a 95% interval, per policy in rank order (most effective on top): the point is the estimate, '
        + 'the bar its interval (Wilson for probabilities, normal for means over runs).',
      height: 30 + rows * rowH + 10,
      layout: function (o, width) {
        var plotW = (width - labelW - 20 - (cols - 1) * gap) / cols;
        o.grid.forEach(function (g, k) { g.left = labelW + (k % cols) * (plotW + gap); g.width = plotW; });
      },
      option: option({
        grid: grids, xAxis: xs, yAxis: ys, series: series,
        tooltip: { trigger: 'item', formatter: function (p) {
          var m = metrics[Math.floor(p.seriesIndex / 2)];
          return p.marker + esc(names[p.value[1]] + ' · ' + m[1] + ': ' + m[2](p.value[0]) + ' [' + m[2](p.data.lo) + '–' + m[2](p.data.hi) + ']');
        } }
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
        legend: { data: data.policies.map(function (p) { return p.name; }) },
        tooltip: { trigger: 'item', formatter: valueTip(pct) },
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
          legend: {},
          tooltip: { trigger: 'item', formatter: tip(function (q) {
            var h = q.data.harm || {};
            return [q.seriesName, q.name + ': ' + fmt(q.value) + ' relative-loss-days', fmt(h.mean) + ' ' + (q.data.unit || '') + ' (5–95%: ' + fmt(h.p05) + ' – ' + fmt(h.p95) + ')'];
          }) },
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
        legend: {},
        tooltip: { trigger: 'item', formatter: valueTip(fmt) },
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
          legend: {},
          tooltip: { trigger: 'axis', formatter: valueTip(fmt) },
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
      name: 'tension', title: 'Daily Goldstein sum: simulated and the scenario\'s events',
      caption: 'Daily Goldstein sum of events between ' + data.scenario.demand.coercer + ' and ' + data.scenario.demand.target
        + ': mean over runs per policy (lines), and the events recorded in the scenario (diamonds). Negative is conflict.',
      height: 400,
      option: option({
        legend: {},
        tooltip: { trigger: 'item', formatter: valueTip(function (v) { return fmt(v, 2); }) },
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
        legend: {},
        tooltip: { trigger: 'item', formatter: valueTip(function (v) { return fmt(v, 1); }) },
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
        legend: {},
        tooltip: { trigger: 'item', formatter: valueTip(fmt) },
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

  /**
   * Sobol' indices (statecraft sensitivity --format json, or a sensitivity run of the web app): for the most effective
   * policy, one chart per output, the ten factors with the largest total index, first-order S1 (first) and total ST
   * (total). A file written before the JSON field names were camelCase carries S1, S1_lower, ..., ST_upper instead.
   */
  var SOBOL_OLD_NAMES = { first: 'S1', firstLower: 'S1_lower', firstUpper: 'S1_upper', total: 'ST', totalLower: 'ST_lower', totalUpper: 'ST_upper' };
  function sobolValue(x, key) {
    return x[key] !== undefined ? x[key] : x[SOBOL_OLD_NAMES[key]];
  }
  function sobolFigures(data) {
    var s = data.sensitivity;
    if (!s || !Array.isArray(s.results)) { return []; }
    var top = data.policies[0] && data.policies[0].id;
    var rs = s.results.filter(function (r) { return r.policy === top; });
    if (!rs.length && s.results.length) { rs = s.results.filter(function (r) { return r.policy === s.results[0].policy; }); }
    var total = function (x) { return sobolValue(x, 'total'); };
    return rs.filter(function (r) { return Array.isArray(r.indices) && r.indices.some(function (x) { return num(total(x)); }); }).map(function (r, k) {
      var rows = r.indices.filter(function (x) { return num(total(x)); }).sort(function (a, b) { return total(b) - total(a); }).slice(0, 10);
      var cats = rows.map(function (x) { return x.label || x.input; });
      var bar = function (key, name, colour) {
        return { name: name, type: 'bar', itemStyle: { color: colour },
          data: rows.map(function (x) {
            var v = sobolValue(x, key);
            return { value: num(v) ? v : 0, lo: sobolValue(x, key + 'Lower'), hi: sobolValue(x, key + 'Upper') };
          }) };
      };
      return {
        name: 'sobol-' + (k + 1), title: 'Sensitivity of ' + r.output + ' under ' + policyName(data, r.policy),
        caption: 'Sobol\' indices (Saltelli design, ' + (s.run ? s.run.samples + ' base samples, ' + s.run.replicates + ' replicates' : '') + '): S1, the share of the '
          + 'output\'s variance due to the factor alone, and ST, including its interactions; the ten factors with the largest ST. '
          + 'The tooltip gives the 95% bootstrap intervals.',
        height: 120 + rows.length * 30,
        option: option({
          legend: {},
          tooltip: { trigger: 'item', formatter: tip(function (p) {
            return [p.name, p.seriesName + ' ' + fmt(p.value, 2) + (num(p.data.lo) ? ' [' + fmt(p.data.lo, 2) + '–' + fmt(p.data.hi, 2) + ']' : '')];
          }) },
          xAxis: { type: 'value', name: 'index', min: 0, max: 1 },
          yAxis: { type: 'category', data: cats, inverse: true, axisLabel: { width: 230, overflow: 'truncate' } },
          grid: { left: 240, right: 30, top: 30, bottom: 50 },
          series: [bar('first', 'S1', OKABE_ITO[0]), bar('total', 'ST', OKABE_ITO[1])]
        })
      };
    });
  }

  /** Rows of a tension series in any of the shapes in use: [{period|date|day|week, index|tension|value|goldstein}]. */
  function tensionRows(t) {
    var rows = Array.isArray(t) ? t : (t && (t.series || t.days || t.weeks || t.rows));
    if (!Array.isArray(rows)) { return null; }
    var pts = rows.map(function (r) {
      if (r.events === 0) { return null; } // a week without events has no index
      var x = r.period || r.date || r.day || r.week;
      var y = [r.index, r.tension, r.value].find(num);
      return (x === undefined || y === undefined) ? null : [String(x), y];
    }).filter(function (p) { return p; });
    return pts.length ? pts : null;
  }

  /**
   * The weekly tension index T = (conflictual − cooperative)/(10 n) on the coercer–target dyad: from the scenario's
   * observed events and from each policy's simulated events (results' tension), and from an event store when
   * one is attached (report --tension: eventsTension).
   */
  function eventsTensionFigure(data) {
    var t = data.tension, col = colours(data), series = [], periods = {};
    var add = function (name, pts, style) {
      if (!pts) { return; }
      pts.forEach(function (p) { periods[p[0]] = true; });
      series.push(Object.assign({ name: name, type: 'line', data: pts, connectNulls: false }, style));
    };
    var structured = t && !Array.isArray(t) && (t.observed || t.policies);
    if (structured) {
      add('observed (scenario events)', tensionRows(t.observed), { symbol: 'diamond', symbolSize: 9, lineStyle: { color: '#000', width: 2 }, itemStyle: { color: '#000' }, z: 5 });
      (t.policies || []).forEach(function (ps) {
        add(policyName(data, ps.policy) + ' (simulated)', tensionRows(ps.series), { symbol: 'none',
          lineStyle: { color: col[ps.policy] || '#888', width: 1.5, type: dash(data, ps.policy) }, itemStyle: { color: col[ps.policy] || '#888' } });
      });
    } else {
      add('event data', tensionRows(t), { symbol: 'circle', symbolSize: 5, lineStyle: { color: OKABE_ITO[5] }, itemStyle: { color: OKABE_ITO[5] } });
    }
    add('event store (attached)', tensionRows(data.eventsTension), { symbol: 'rect', symbolSize: 7, lineStyle: { color: '#666', type: 'dotted', width: 2 }, itemStyle: { color: '#666' }, z: 4 });
    if (!series.length) { return null; }
    var xs = Object.keys(periods).sort();
    return {
      name: 'events-tension', title: 'Tension index: event data and simulated',
      caption: 'Weekly dyadic tension index T = (conflictual − cooperative Goldstein sum)/(10 × events)' + (t && t.dyad ? ' on ' + t.dyad : '')
        + ', from −1 (all cooperation) to +1 (all conflict): the scenario\'s observed events (black), each policy\'s simulated events, and an '
        + 'attached event-store series (statecraft events tension, report --tension) when there is one; the same TensionIndex computes all of them. '
        + 'Weeks without events have no index and are left out.',
      height: 420,
      option: option({
        legend: {},
        tooltip: { trigger: 'item', formatter: tip(function (p) { return [p.seriesName, 'week of ' + p.value[0] + ': T = ' + fmt(p.value[1], 2)]; }) },
        xAxis: { type: 'category', data: xs, name: 'week', nameLocation: 'middle', nameGap: 25 },
        yAxis: { type: 'value', name: 'tension T', min: -1, max: 1 },
        grid: { left: 60, right: 20, top: 40, bottom: 60 },
        series: series
      })
    };
  }

  /** Simulated lever spells against the observed one (results' replay): per observed spell, a histogram per policy. */
  function spellFigures(data) {
    var groups = {}, order = [];
    (data.replay || []).forEach(function (r) {
      if (!r || !r.simulated || !r.simulated.firstSpell || !Array.isArray(r.simulated.firstSpell.histogram)) { return; }
      var k = r.lever + '|' + r.observedFrom;
      if (!groups[k]) { groups[k] = []; order.push(k); }
      groups[k].push(r);
    });
    var col = colours(data);
    return order.map(function (k, gi) {
      var rs = groups[k], obs = rs[0].observedDays;
      var len = Math.max.apply(null, rs.map(function (r) { return r.simulated.firstSpell.histogram.length; }).concat([num(obs) ? obs + 2 : 0]));
      var cats = [];
      for (var d = 0; d < len; d++) { cats.push(String(d)); }
      var series = rs.map(function (r) {
        return { name: policyName(data, r.policy), type: 'bar', barGap: '5%', itemStyle: { color: col[r.policy] || '#888' },
          data: cats.map(function (c, i) { var v = r.simulated.firstSpell.histogram[i]; return num(v) ? v : 0; }) };
      });
      if (num(obs)) {
        series[0].markLine = { symbol: 'none', silent: true, lineStyle: { color: '#000', type: 'dashed', width: 2 },
          label: { formatter: 'observed: ' + obs + ' days', position: 'end' }, data: [{ xAxis: String(obs) }] };
      }
      var shares = rs.filter(function (r) { return num(r.shareNoLongerThanObserved); })
        .map(function (r) { return policyName(data, r.policy) + ' ' + pct(r.shareNoLongerThanObserved); }).join('; ');
      return {
        name: 'spells-' + (gi + 1), title: 'Simulated spells of ' + rs[0].lever + ' against the observed one',
        caption: 'Share of the runs that used the lever in which its first spell lasted each number of days, per policy that applies it on '
          + 'the observed spell\'s first day; the dashed line is the observed spell (' + rs[0].observedFrom + ' to ' + rs[0].observedTo + ', '
          + obs + ' days' + (rs[0].source ? ', source ' + rs[0].source : '') + ').' + (shares ? ' Share of runs no longer than observed: ' + shares + '.' : ''),
        height: 360,
        option: option({
          legend: {},
          tooltip: { trigger: 'item', formatter: tip(function (p) { return [p.seriesName, p.name + ' days: ' + pct(p.value) + ' of the runs that used it']; }) },
          xAxis: { type: 'category', data: cats, name: 'spell length (days)', nameLocation: 'middle', nameGap: 25 },
          yAxis: { type: 'value', name: 'share of runs', axisLabel: { formatter: function (v) { return Math.round(100 * v) + '%'; } } },
          grid: { left: 60, right: 30, top: 40, bottom: 60 },
          series: series
        })
      };
    });
  }

  /** A figure, or null when its fields are not in these results (or are of a shape this code does not know). */
  function safe(f, data) {
    try { return f(data); } catch (e) { return null; }
  }
  function safeList(f, data) { var r = safe(f, data); return Array.isArray(r) ? r : []; }

  /** Every figure of an analysis, in report order; those whose fields are absent are left out. */
  /**
   * The hindcast (results' hindcast: statecraft hindcast --format json): per recorded duration and count, the model's
   * predictive distribution as a cumulative share of runs, with the observed value marked.
   */
  function hindcastFigures(data) {
    var h = data.hindcast;
    if (!h || !Array.isArray(h.items)) { return []; }
    return h.items.filter(function (it) { return Array.isArray(it.predictiveQuantiles0to1by40); }).map(function (it, k) {
      var pts = it.predictiveQuantiles0to1by40.map(function (v, i) { return [v, i / 40]; });
      var unit = it.kind === 'duration' ? 'days' : 'count';
      var each = it.kind === 'duration' ? 'duration' : 'count';
      return {
        name: 'hindcast-' + (k + 1), title: it.outcome,
        caption: 'The model\'s predictive distribution (' + h.runs + ' runs of the recorded policy): the share of runs at or below each '
          + each + '; the dashed line is what happened (' + it.observedText + (it.observedIsLowerBound ? ', a lower bound' : '') + '), at the '
          + pct(it.percentile) + ' point. Baseline: ' + it.baseline + '.',
        height: 300,
        option: option({
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', name: unit, scale: true, nameLocation: 'middle', nameGap: 25 },
          yAxis: { type: 'value', min: 0, max: 1, name: 'share of runs' },
          grid: { left: 60, right: 40, top: 30, bottom: 50 },
          series: [{ name: 'model', type: 'line', step: 'end', showSymbol: false, data: pts, itemStyle: { color: OKABE_ITO[0] },
            markLine: { symbol: 'none', lineStyle: { color: OKABE_ITO[5], type: 'dashed', width: 2 },
              label: { formatter: 'observed ' + it.observedText, position: 'insideEndTop' }, data: [{ xAxis: it.observed }] } }]
        })
      };
    });
  }

  /** The hindcast's scorecard: model against baseline per outcome kind and rule. */
  function hindcastTable(data) {
    var h = data.hindcast;
    if (!h || !Array.isArray(h.summaries)) { return null; }
    var head = el('tr', null, ['outcomes', 'score', 'n', 'model', 'baseline', 'skill', 'model wins'].map(function (t) { return el('th', { text: t }); }));
    var rows = h.summaries.map(function (s) {
      return el('tr', null, [s.kind, s.rule, String(s.n), fmt(s.model), fmt(s.baseline), fmt(s.skill),
        s.withBaseline ? s.modelWins + '/' + s.withBaseline : '–'].map(function (t) { return el('td', { text: t }); }));
    });
    return el('div', null, [el('p', { text: h.verdict + '. Lower scores are better; the baselines need no model.' }),
      el('table', { class: 'ranking' }, [el('thead', null, [head]), el('tbody', null, rows)])]);
  }

  function figures(data) {
    if (!data || !Array.isArray(data.policies)) { return []; }
    var f = [safe(forestFigure, data), safe(paretoFigure, data), safe(concessionFigure, data)].concat(safeList(harmFigures, data));
    f.push(safe(stanceFigure, data));
    f = f.concat(safeList(stanceTrajectoryFigures, data), safeList(spellFigures, data));
    f.push(safe(eventsTensionFigure, data), safe(tensionFigure, data), safe(bargainingFigure, data), safe(tornadoFigure, data));
    f = f.concat(safeList(sobolFigures, data), safeList(hindcastFigures, data));
    return f.filter(function (x) { return x; });
  }

  /**
   * Legends show every series (no pagination): the legend wraps over as many rows as the names need at the
   * chart's width, and the plot's bottom margin grows by that many rows. Widths are estimated from the text
   * length (12 px sans-serif, about 6.6 px a character).
   */
  function legendRows(names, width) {
    var rows = 1, x = 0, avail = width - 40;
    names.forEach(function (n) {
      var w = 25 + 5 + String(n).length * 6.6 + 10;
      if (x > 0 && x + w > avail) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }
  function fit(fig, width, extraTop) {
    var o = Object.assign({}, fig.option), add = extraTop || 0;
    o.grid = Array.isArray(o.grid) ? o.grid.map(function (g) { return Object.assign({}, g, { top: (g.top || 0) + add }); })
      : Object.assign({}, o.grid || {}, { top: ((o.grid && o.grid.top) || 40) + add });
    if (o.legend) {
      var names = o.legend.data || (o.series || []).filter(function (s) { return s.type !== 'custom' && !(s.tooltip && s.tooltip.show === false && s.silent); })
        .map(function (s) { return s.name; }).filter(function (n, i, a) { return a.indexOf(n) === i; });
      var rows = legendRows(names, width);
      o.legend = Object.assign({ type: 'plain', orient: 'horizontal', left: 20, right: 20, bottom: 6, itemGap: 10, data: names }, o.legend, { type: 'plain', data: names });
      o.grid = Object.assign({}, o.grid, { bottom: (o.grid && o.grid.bottom ? Math.max(o.grid.bottom - 20, 40) : 40) + rows * 22 });
      o.__legendRows = rows;
    }
    var h = (fig.height || 360) + add + (o.__legendRows ? (o.__legendRows - 1) * 22 : 0);
    delete o.__legendRows;
    if (fig.layout) { fig.layout(o, width, h); }
    return { option: o, height: h };
  }

  // ---- drawing ----

  var instances = [];
  function draw(container, fig) {
    var div = el('div', { class: 'chart', 'data-figure': fig.name });
    container.appendChild(div);
    var width = div.clientWidth || 900;
    var f = fit(fig, width);
    div.style.height = f.height + 'px';
    var chart = global.echarts.init(div, null, { renderer: 'svg' });
    chart.setOption(f.option);
    chart.__statecraftFigure = fig;
    chart.__statecraftWidth = width;
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
      el('p', { class: 'caption', text: 'Not in this result. ' + how })]));
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
    var figs = {};
    figures(data).forEach(function (f) { figs[f.name] = f; });
    var sec = function (id, title) { var s = el('section', { id: id, class: 'part' }, [el('h2', { text: title })]); container.appendChild(s); return s; };
    /** A table or block built from the results, or "not in this result" when its fields are absent. */
    var block = function (parent, title, build, missing) {
      var b = null;
      try { b = build(); } catch (e) { b = null; }
      if (b) { parent.appendChild(b); } else { notComputed(parent, title, missing); }
    };
    var fig = function (parent, name, title, missing) {
      if (figs[name]) { figureSection(parent, figs[name]); } else { notComputed(parent, title, missing); }
    };
    var prefixed = function (parent, prefix) {
      Object.keys(figs).filter(function (k) { return k.indexOf(prefix) === 0; }).forEach(function (k) { figureSection(parent, figs[k]); });
    };
    block(container, 'The case', function () { return brief(data); }, 'These results carry no scenario or run section.');

    var rk = sec('ranking-section', 'Policies, ranked');
    block(rk, 'Ranking', function () { return rankingTable(data); }, 'These results carry no policies.');
    rk.appendChild(el('p', { class: 'caption', text: 'Ranked by expected degree of concession at the horizon; intervals are 95%. Collateral and own cost in relative-loss-days.' }));
    fig(rk, 'forest', 'The ranking with its intervals', 'No figure of the ranking carries an interval.');
    block(rk, 'How robust is the ranking', function () { var r = robustnessTable(data); return r ? el('div', null, [el('h3', { text: 'How robust is the ranking' }), r]) : null; },
      'These results carry no robustness shares.');
    fig(sec('pareto-section', 'Effectiveness and collateral harm'), 'pareto', 'Effectiveness against collateral harm', 'The policies carry no collateral harm or expected concession.');
    fig(sec('concession-section', 'Concession over time'), 'concession', 'Probability of concession over time', 'The policies carry no concession curve.');
    var hs = sec('harm-section', 'Who pays');
    prefixed(hs, 'harm-');
    hs.appendChild(el('h3', { text: 'Lever use' }));
    block(hs, 'Lever use', function () { return leverTable(data); }, 'The policies carry no lever use.');
    var rp = sec('replay-section', 'Replay: simulated spells against the observed ones');
    if (Object.keys(figs).some(function (k) { return k.indexOf('spells-') === 0; })) { prefixed(rp, 'spells-'); }
    else { notComputed(rp, 'Simulated against observed lever spells', 'The scenario records no observed lever spell (replay).'); }
    var hc = sec('record-section', 'Judged by the record');
    block(hc, 'Hindcast scorecard', function () { return hindcastTable(data); },
      'The scenario has no record window (observed/until), so nothing was scored; `statecraft hindcast` scores a scenario with one.');
    prefixed(hc, 'hindcast-');
    var st = sec('stance-section', 'Third parties');
    fig(st, 'stances', 'Third-party stances', 'The scenario has no influence network.');
    prefixed(st, 'stance-');
    var te = sec('tension-section', 'Tension');
    fig(te, 'events-tension', 'Tension index: event data and simulated', 'The results carry no tension index; `statecraft report --tension FILE` attaches one from event data.');
    fig(te, 'tension', 'Daily Goldstein sum', 'The policies carry no daily Goldstein series.');
    var ba = sec('bargaining-section', 'Bargaining forecast');
    fig(ba, 'bargaining', 'Bargaining forecast', (data.bargaining && data.bargaining.error) ? data.bargaining.error : 'These results carry no bargaining forecast.');
    var se = sec('sensitivity-section', 'Sensitivity');
    if (Object.keys(figs).some(function (k) { return k.indexOf('sobol-') === 0; })) { prefixed(se, 'sobol-'); }
    else { fig(se, 'tornado', 'Sensitivity', 'Run `statecraft sensitivity --format json` and attach it with `statecraft report --sensitivity FILE`, or press Sensitivity in the web app.'); }
    var so = sec('sources-section', 'Sources');
    block(so, 'Sources', function () { return sources(data); }, 'These results carry no source list.');
    container.setAttribute('data-rendered', 'true');
  }

  // ---- comparing two runs ----

  function policyIds(a, b) {
    var ids = a.policies.map(function (p) { return p.id; });
    b.policies.forEach(function (p) { if (ids.indexOf(p.id) < 0) { ids.push(p.id); } });
    return ids;
  }
  function byId(data, id) { return data.policies.find(function (p) { return p.id === id; }); }

  /** Each policy's figures in run A and run B side by side, with B − A. */
  function deltaTable(a, b, labelA, labelB) {
    var cols = [['P(concession)', function (p) { return p.concession && p.concession.value; }, pct, true],
      ['E[concession]', function (p) { return p.meanConcession && p.meanConcession.value; }, fmt, false],
      ['Attacks', function (p) { return p.attacks && p.attacks.value; }, function (v) { return fmt(v, 1); }, false],
      ['Collateral', function (p) { return p.collateral && p.collateral.value; }, function (v) { return fmt(v, 2); }, false],
      ['Own cost', function (p) { return p.coercerOwnCost && p.coercerOwnCost.value; }, function (v) { return fmt(v, 2); }, false],
      ['Rank', function (p) { return p.rank; }, function (v) { return fmt(v, 0); }, false]];
    var h1 = [el('th', { rowspan: '2', text: 'Policy' })], h2 = [];
    cols.forEach(function (c) {
      h1.push(el('th', { colspan: '3', text: c[0] }));
      h2.push(el('th', { text: labelA }), el('th', { text: labelB }), el('th', { text: 'B − A' }));
    });
    var t = el('table', { class: 'delta' }, [el('thead', null, [el('tr', null, h1), el('tr', null, h2)])]);
    var body = el('tbody');
    policyIds(a, b).forEach(function (id) {
      var pa = byId(a, id), pb = byId(b, id);
      var cells = [el('td', null, [el('strong', { text: (pa || pb).name })])];
      cols.forEach(function (c) {
        var va = pa ? c[1](pa) : undefined, vb = pb ? c[1](pb) : undefined;
        var d = (num(va) && num(vb)) ? vb - va : undefined;
        var ds = d === undefined ? '–' : (d > 0 ? '+' : '') + (c[3] ? (100 * d).toFixed(1) + ' pt' : c[2](d));
        cells.push(el('td', { text: c[2](va) }), el('td', { text: c[2](vb) }),
          el('td', { class: 'delta-cell', text: ds }));
      });
      body.appendChild(el('tr', { 'data-policy': id }, cells));
    });
    t.appendChild(body);
    return t;
  }

  /** Overlaid concession curves (A solid, B dashed) and Pareto points (A circles, B diamonds, joined per policy). */
  function compareFigures(a, b, labelA, labelB) {
    var col = colours(a.policies.length >= b.policies.length ? a : b), series = [], ids = policyIds(a, b);
    var colour = function (id) { return col[id] || '#888'; };
    [[a, labelA, 'solid'], [b, labelB, 'dashed']].forEach(function (r) {
      r[0].policies.forEach(function (p) {
        series.push({ name: p.name + ' · ' + r[1], type: 'line', symbol: 'none', data: (p.concessionCurve || []).map(function (v, t) { return [t, v]; }),
          lineStyle: { color: colour(p.id), width: 2, type: r[2] }, itemStyle: { color: colour(p.id) } });
      });
    });
    var curves = {
      name: 'compare-concession', title: 'Probability of concession over time: ' + labelA + ' (solid) and ' + labelB + ' (dashed)',
      caption: 'Share of runs in which the target had conceded by each day, per policy; same colour for the same policy in both runs.',
      height: 420,
      option: option({ legend: {}, tooltip: { trigger: 'item', formatter: tip(function (p) { return [p.seriesName, 'day ' + p.value[0] + ': ' + pct(p.value[1])]; }) },
        xAxis: { type: 'value', name: 'day', nameLocation: 'middle', nameGap: 25, min: 0 }, yAxis: { type: 'value', name: 'P(conceded)', min: 0, max: 1 },
        grid: { left: 60, right: 30, top: 40, bottom: 60 }, series: series })
    };
    var pts = function (d, sym) {
      return d.policies.filter(function (p) { return iv(p.collateral) && iv(p.meanConcession); }).map(function (p) {
        return { name: p.name, value: [p.collateral.value, p.meanConcession.value], symbol: sym, itemStyle: { color: colour(p.id) } };
      });
    };
    var links = ids.map(function (id) {
      var pa = byId(a, id), pb = byId(b, id);
      if (!pa || !pb || !iv(pa.collateral) || !iv(pb.collateral)) { return null; }
      return [{ coord: [pa.collateral.value, pa.meanConcession.value] }, { coord: [pb.collateral.value, pb.meanConcession.value] }];
    }).filter(function (x) { return x; });
    var ptsA = pts(a, 'circle'), ptsB = pts(b, 'diamond'), xs = ptsA.concat(ptsB).map(function (p) { return p.value[0]; });
    var xmin = niceFloor(Math.min.apply(null, xs.concat([0]))), xmax = niceCeil(Math.max.apply(null, xs.concat([0])) * 1.05);
    if (!(xmax > xmin)) { xmax = xmin + 1; }
    var pareto = {
      name: 'compare-pareto', title: 'Effectiveness against collateral harm: ' + labelA + ' (circles) to ' + labelB + ' (diamonds)',
      caption: 'Each policy in both runs; the arrow goes from run A to run B. The labels name the policies at their '
        + labelB + ' points, in a column on the right spaced so that none overlaps another, each joined to its point.',
      height: 420,
      layout: function (o, width, height) { labelColumn(o, width, height, ptsB, xmin, xmax); },
      option: option({ legend: {}, grid: { left: 60, right: 230, top: 40, bottom: 60 },
        tooltip: { trigger: 'item', formatter: tip(function (p) { return [p.seriesName + ' · ' + p.name, 'collateral ' + fmt(p.value[0]), 'E[concession] ' + fmt(p.value[1])]; }) },
        xAxis: { type: 'value', name: 'collateral harm (relative-loss-days)', nameLocation: 'middle', nameGap: 30, min: xmin, max: xmax },
        yAxis: { type: 'value', name: 'E[concession]', min: 0, max: 1 },
        series: [
          { name: labelA, type: 'scatter', symbolSize: 12, data: ptsA, itemStyle: { color: '#555' },
            markLine: { silent: true, symbol: ['none', 'arrow'], lineStyle: { color: '#999', type: 'solid' }, label: { show: false }, data: links } },
          { name: labelB, type: 'scatter', symbolSize: 12, data: ptsB, itemStyle: { color: '#555' } }
        ] })
    };
    return [curves, pareto];
  }

  function resizeAll() {
    instances.forEach(function (c) {
      if (c.isDisposed()) { return; }
      var w = c.getDom().clientWidth;
      if (c.__statecraftFigure && w && Math.abs(w - c.__statecraftWidth) > 20) {
        var f = fit(c.__statecraftFigure, w);
        c.getDom().style.height = f.height + 'px';
        c.__statecraftWidth = w;
        c.setOption(f.option, true);
      }
      c.resize();
    });
  }
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
      var w = 900, fitted = fit(f, w, 30), h = fitted.height;
      var d1 = el('div'); d1.style.width = w + 'px'; d1.style.height = h + 'px'; host.appendChild(d1);
      var c1 = global.echarts.init(d1, null, { renderer: 'svg', width: w, height: h });
      var opt = Object.assign({}, fitted.option, { backgroundColor: '#ffffff', title: { text: f.title, left: 'center', textStyle: { fontSize: 14 } } });
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
    draw: draw, figureSection: figureSection, resizeAll: resizeAll, disposeIn: disposeIn, exportFigures: exportFigures, fmt: fmt, pct: pct,
    esc: esc, instances: function () { return instances.filter(function (c) { return !c.isDisposed(); }); },
    compareFigures: compareFigures, deltaTable: deltaTable
  };
  if (global.addEventListener) { global.addEventListener('resize', resizeAll); }
})(window);
