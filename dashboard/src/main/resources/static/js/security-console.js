// The security console (I1): acknowledge buttons, and a sound and a browser notification for every
// new or re-raised alert. The list itself arrives over SSE (htmx), so handlers are delegated.
(function () {
  var consoleEl = document.querySelector('[data-testid="security-console"]');
  if (!consoleEl) {
    return;
  }
  var seen = {};          // alertId -> re-raise count already signalled
  var audio = null;
  window.okienkoAlarmed = [];  // alert ids signalled, newest last (read by the browser test)

  function message(name, who) {
    return (consoleEl.getAttribute('data-msg-' + name) || name).replace('{0}', who || '');
  }

  function beep() {
    if (!audio) {
      return;
    }
    [0, 0.35].forEach(function (offset) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(audio.currentTime + offset);
      osc.stop(audio.currentTime + offset + 0.25);
    });
  }

  function notify(item) {
    if (!('Notification' in window) || Notification.permission !== 'granted') {
      return;
    }
    var what = item.querySelector('.alert-what');
    var where = item.querySelector('.incident-where');
    new Notification(message('notification'), {
      body: (what ? what.textContent.trim() : '') + ' — ' + (where ? where.textContent.replace(/\s+/g, ' ').trim() : ''),
      tag: item.getAttribute('data-alert-id'),
      renotify: true
    });
  }

  function signalNewAlerts() {
    document.querySelectorAll('.incident-alert[data-acknowledged="false"]').forEach(function (item) {
      var id = item.getAttribute('data-alert-id');
      var reraises = parseInt(item.getAttribute('data-reraises') || '0', 10);
      if (seen[id] === undefined || reraises > seen[id]) {
        seen[id] = reraises;
        window.okienkoAlarmed.push(id);
        beep();
        notify(item);
      }
    });
  }

  function tickAges() {
    var now = Date.now();
    document.querySelectorAll('.incident-age[data-since]').forEach(function (el) {
      var since = parseInt(el.getAttribute('data-since'), 10);
      if (since > 0) {
        var s = Math.max(0, Math.floor((now - since) / 1000));
        el.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
      }
    });
  }

  document.addEventListener('htmx:afterSettle', signalNewAlerts);
  document.addEventListener('htmx:sseMessage', signalNewAlerts);
  setInterval(tickAges, 1000);

  document.addEventListener('click', function (event) {
    var enable = event.target.closest('[data-enable-alarms]');
    if (enable) {
      if (!audio && (window.AudioContext || window.webkitAudioContext)) {
        audio = new (window.AudioContext || window.webkitAudioContext)();
      }
      if ('Notification' in window && Notification.permission === 'default') {
        Notification.requestPermission();
      }
      enable.setAttribute('aria-pressed', 'true');
      return;
    }
    var button = event.target.closest('[data-ack]');
    if (!button) {
      return;
    }
    button.disabled = true;
    var result = document.querySelector('[data-testid="ack-result"]');
    fetch(consoleEl.getAttribute('data-api-base') + encodeURIComponent(button.getAttribute('data-alert-id')) + '/ack', {
      method: 'POST', credentials: 'same-origin', headers: {'Accept': 'application/json', 'HX-Request': 'true'}
    }).then(function (response) {
      return response.json();
    }).then(function (body) {
      var text = body.outcome === 'ACKNOWLEDGED' ? message('acknowledged')
        : body.outcome === 'ALREADY_ACKNOWLEDGED' ? message('already', body.acknowledgedBy)
        : body.outcome === 'CLEARED' ? message('cleared')
        : body.outcome === 'PENDING' ? message('pending') : message('failed');
      result.textContent = text;
      result.setAttribute('data-outcome', body.outcome || 'FAILED');
    }).catch(function () {
      result.textContent = message('failed');
      result.setAttribute('data-outcome', 'FAILED');
      button.disabled = false;
    });
  });
})();
