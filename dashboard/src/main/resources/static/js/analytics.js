// The analysts' page: the comparison table sorted by a header's click (each cell's data-value; an empty figure last),
// and the trend chart of the picked rule, one uPlot series per office and one point per period bucket, from the
// section's data-trend (AnalyticsTable.trendJson). No inline script: the CSP allows none.
(function () {
  'use strict';

  var COLOURS = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#0e7490', '#b91c1c', '#475569', '#a16207'];

  // Tests and the console read the chart here (its data and series, as uPlot keeps them).
  var trend = { chart: null, rule: null };
  window.okienkoTrend = trend;

  function sortBy(table, button) {
    var th = button.closest('th');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('thead th[aria-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = button.dataset.sort === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute('data-value');
      var y = b.cells[index].getAttribute('data-value');
      if (x === null || y === null) { return (x === null) - (y === null); }
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, document.documentElement.lang);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  var KINDS = {
    SECONDS: { range: function (u, min, max) { return [0, Math.max(60, max)]; },
      values: function (u, vals) { return vals.map(function (v) { return Math.round(v / 60) + ' min'; }); } },
    RATE: { range: [0, 1], values: function (u, vals) { return vals.map(function (v) { return Math.round(v * 100) + '%'; }); } },
    INDEX: { range: [0, 100], values: function (u, vals) { return vals; } },
    COUNT: { range: function (u, min, max) { return [0, Math.max(1, max)]; }, values: function (u, vals) { return vals; } }
  };

  function draw(section, data, select) {
    var target = section.querySelector('.chart-canvas');
    var option = select.options[select.selectedIndex];
    var kind = KINDS[option.dataset.kind] || KINDS.COUNT;
    var periods = data.periods;
    var xs = periods.map(function (p, i) { return i; });
    var series = [{ label: section.dataset.axisPeriod, value: function (u, v) { return v == null ? '' : periods[v]; } }];
    var values = [xs];
    data.offices.forEach(function (office, i) {
      series.push({ label: office.name, stroke: COLOURS[i % COLOURS.length], width: 2, scale: 'y', spanGaps: false,
        points: { show: true, size: 6 } });
      values.push(office.figures[select.value].slice());
    });
    if (trend.chart) { trend.chart.destroy(); }
    trend.chart = new uPlot({
      width: Math.max(280, target.clientWidth), height: 280, series: series,
      scales: { x: { time: false, range: function (u, min, max) { return [min - 0.5, max + 0.5]; } }, y: { range: kind.range } },
      axes: [
        { label: section.dataset.axisPeriod, incrs: [1, 2, 4, 8, 16, 32],
          values: function (u, vals) { return vals.map(function (v) { return Number.isInteger(v) ? periods[v] || '' : ''; }); } },
        { scale: 'y', label: option.textContent, values: kind.values }
      ],
      legend: { live: true }
    }, values, target);
    trend.rule = select.value;
    section.setAttribute('data-trend-state', 'drawn');
  }

  function start() {
    var table = document.querySelector('table[data-sortable]');
    if (table) {
      table.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-sort]');
        if (button) { sortBy(table, button); }
      });
    }
    var section = document.querySelector('[data-trend]');
    if (!section || typeof uPlot === 'undefined') { return; }
    var data = JSON.parse(section.dataset.trend);
    var select = section.querySelector('select[data-trend-rule]');
    draw(section, data, select);
    select.addEventListener('change', function () { draw(section, data, select); });
    var pending;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        var target = section.querySelector('.chart-canvas');
        if (trend.chart) { trend.chart.setSize({ width: Math.max(280, target.clientWidth), height: 280 }); }
      }, 150);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
