/* The report's start: draw the inlined results; at #export-figures also leave every figure in the page for FiguresExporter. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('statecraft-data').textContent);
  StatecraftCharts.renderReport(document.getElementById('report'), data);
  if (location.hash === '#export-figures') {
    var figs = StatecraftCharts.exportFigures(data);
    var json = JSON.stringify(figs);
    var pre = document.createElement('pre');
    pre.id = 'statecraft-figures';
    pre.textContent = btoa(unescape(encodeURIComponent(json)));
    document.body.appendChild(pre);
  }
})();
