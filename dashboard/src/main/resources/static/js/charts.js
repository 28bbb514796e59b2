// The day charts (Q1, P1, T1, T2) drawn with uPlot from the office's series (DayChartsController). The section
// names the series' address (data-charts-src), the labels in the page's language (data-label-*, data-axis-*) and,
// on the live page, how often to read the series again (data-charts-refresh, seconds).
(function () {
  'use strict';

  // Each chart: the series it plots from the JSON, their label attributes, colours, and how values read.
  var CHARTS = {
    'queue-line': {
      series: [
        { path: ['queues', 'waitingPeak'], label: 'labelWaiting', stroke: '#1f5fa8', scale: 'count' },
        { path: ['queues', 'longestWaitSeconds'], label: 'labelLongest', stroke: '#c2410c', scale: 'seconds', dash: [6, 4] }
      ],
      axes: [{ scale: 'count', label: 'axisCount' }, { scale: 'seconds', label: 'axisMinutes', side: 1 }]
    },
    'queue-flow': {
      series: [
        { path: ['queues', 'arrivals'], label: 'labelArrivals', stroke: '#475569', fill: '#94a3b8', bars: -1, scale: 'count' },
        { path: ['queues', 'served'], label: 'labelServed', stroke: '#15803d', fill: '#4ade80', bars: 1, scale: 'count' }
      ],
      axes: [{ scale: 'count', label: 'axisCount' }]
    },
    'phone': {
      // bars first: uPlot draws the series in order, so the service level's line stays on top
      series: [
        { path: ['phone', 'missed'], label: 'labelMissed', stroke: '#b91c1c', fill: '#fca5a5', bars: 0, scale: 'count' },
        { path: ['phone', 'serviceLevel'], label: 'labelServiceLevel', stroke: '#1d4ed8', scale: 'share' }
      ],
      axes: [{ scale: 'count', label: 'axisCalls' }, { scale: 'share', label: 'axisPercent', side: 1 }]
    },
    'priority': {
      series: [
        { path: ['priority', 'longestWaitSeconds'], label: 'labelLongest', stroke: '#7e22ce', scale: 'seconds' },
        { path: ['priority', 'meanWaitSeconds'], label: 'labelMean', stroke: '#0e7490', scale: 'seconds', dash: [6, 4] }
      ],
      axes: [{ scale: 'seconds', label: 'axisMinutes' }]
    }
  };

  var SCALES = {
    x: { time: false, range: function (u, min, max) { return [min - 0.5, max + 0.5]; } },
    count: { range: function (u, min, max) { return [0, Math.max(1, max)]; } },
    seconds: { range: function (u, min, max) { return [0, Math.max(60, max)]; } },
    share: { range: [0, 1] }
  };

  var AXIS_VALUES = {
    count: { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: function (u, vals) { return vals; } },
    seconds: {
      incrs: [60, 300, 600, 900, 1800, 3600, 7200, 14400],
      values: function (u, vals) { return vals.map(function (v) { return Math.round(v / 60); }); }
    },
    share: { incrs: [0.1, 0.25, 0.5], values: function (u, vals) { return vals.map(function (v) { return Math.round(v * 100) + '%'; }); } }
  };

  var charts = {};
  // Tests and the console read what each chart holds here (its data, as uPlot keeps it).
  window.okienkoCharts = charts;

  function pick(json, path) {
    return path.reduce(function (value, key) { return value == null ? null : value[key]; }, json);
  }

  function options(figure, spec, width) {
    var ds = figure.dataset;
    var series = [{ label: ds.axisHour, value: function (u, v) { return v == null ? '' : v + ':00'; } }];
    spec.series.forEach(function (s) {
      var one = { label: ds[s.label], stroke: s.stroke, width: 2, scale: s.scale, spanGaps: false,
        points: { show: true, size: 6 } };
      if (s.dash) { one.dash = s.dash; }
      if (s.fill) { one.fill = s.fill; }
      if (s.bars !== undefined && uPlot.paths && uPlot.paths.bars) {
        one.paths = uPlot.paths.bars({ size: [s.bars === 0 ? 0.6 : 0.4, 48], align: s.bars });
        one.points = { show: false };
      }
      series.push(one);
    });
    var axes = [{ label: ds.axisHour, incrs: [1, 2, 3], values: function (u, vals) {
      return vals.map(function (v) { return Number.isInteger(v) ? v + ':00' : ''; });
    } }];
    spec.axes.forEach(function (a) {
      var axis = { scale: a.scale, label: ds[a.label], incrs: AXIS_VALUES[a.scale].incrs, values: AXIS_VALUES[a.scale].values };
      if (a.side) { axis.side = a.side; axis.grid = { show: false }; }
      axes.push(axis);
    });
    var scales = { x: SCALES.x };
    spec.axes.forEach(function (a) { scales[a.scale] = SCALES[a.scale]; });
    return { width: width, height: 240, series: series, axes: axes, scales: scales, legend: { live: true } };
  }

  function draw(section, json) {
    var empty = section.querySelector('[data-charts-empty]');
    if (empty) { empty.hidden = json.hours.length > 0; }
    section.querySelectorAll('[data-chart]').forEach(function (figure) {
      var name = figure.dataset.chart;
      var spec = CHARTS[name];
      var target = figure.querySelector('.chart-canvas');
      if (!spec || !target) { return; }
      if (charts[name]) { charts[name].destroy(); delete charts[name]; }
      figure.hidden = json.hours.length === 0;
      if (json.hours.length === 0) { return; }
      var data = [json.hours.slice()].concat(spec.series.map(function (s) { return pick(json, s.path).slice(); }));
      charts[name] = new uPlot(options(figure, spec, Math.max(280, target.clientWidth)), data, target);
    });
    section.setAttribute('data-charts-state', 'drawn');
  }

  function load(section) {
    return fetch(section.dataset.chartsSrc, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (json) { draw(section, json); })
      .catch(function () { section.setAttribute('data-charts-state', 'error'); });
  }

  function resize(section) {
    Object.keys(charts).forEach(function (name) {
      var target = section.querySelector('[data-chart="' + name + '"] .chart-canvas');
      if (target) { charts[name].setSize({ width: Math.max(280, target.clientWidth), height: 240 }); }
    });
  }

  function start() {
    var section = document.querySelector('[data-charts-src]');
    if (!section || typeof uPlot === 'undefined') { return; }
    load(section);
    var refresh = parseInt(section.dataset.chartsRefresh || '0', 10);
    if (refresh > 0) {
      setInterval(function () { load(section); }, refresh * 1000);
    }
    var pending;
    window.addEventListener('resize', function () {
      clearTimeout(pending);
      pending = setTimeout(function () { resize(section); }, 150);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
