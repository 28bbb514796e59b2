// The security console (I1): acknowledge, police notified and resolve buttons, and a sound and a browser
// notification for every new or re-raised alert while the guard has them on (remembered by this browser).
// The list itself arrives over SSE (htmx), so handlers are delegated.
(function () {
  var consoleEl = document.querySelector('[data-testid="security-console"]');
  if (!consoleEl) {
    return;
  }
  var ALARMS_KEY = 'okienko.security.alarms';
  var seen = {};          // alertId -> re-raise count already signalled
  var audio = null;
  var alarmsOn = false;
  var result = document.querySelector('[data-testid="ack-result"]');
  var dialog = document.querySelector('[data-resolve-dialog]');
  window.okienkoAlarmed = [];  // alert ids signalled, newest last (read by the browser test)

  function message(name, who) {
    return (consoleEl.getAttribute('data-msg-' + name) || name).replace('{0}', who || '');
  }

  function stored() {
    try {
      return window.localStorage.getItem(ALARMS_KEY);
    } catch (e) {
      return null;  // storage refused (private mode): the choice lasts for this page only
    }
  }

  function store(value) {
    try {
      window.localStorage.setItem(ALARMS_KEY, value);
    } catch (e) {
      // see stored()
    }
  }

  function beep() {
    if (!alarmsOn || !audio) {
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
    if (!alarmsOn || !('Notification' in window) || Notification.permission !== 'granted') {
      return;
    }
    var what = item.querySelector('.alert-what');
    var where = item.querySelector('.incident-where');
    new Notification(message('notification'), {
      body: (what ? what.textContent.replace(/\s+/g, ' ').trim() : '') + ' — '
        + (where ? where.textContent.replace(/\s+/g, ' ').trim() : ''),
      tag: item.getAttribute('data-alert-id'),
      renotify: true
    });
  }

  // A browser starts sound only after a click or a key: an AudioContext made at load waits for the first one.
  function resumeAudio() {
    if (audio && audio.state === 'suspended') {
      audio.resume();
    }
  }

  function setAlarms(on, askPermission) {
    alarmsOn = on;
    store(on ? 'on' : 'off');
    var button = document.querySelector('[data-enable-alarms]');
    if (button) {
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.textContent = message(on ? 'alarms-on' : 'alarms-off');
    }
    if (on && !audio && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
    }
    resumeAudio();
    if (on && askPermission && 'Notification' in window && Notification.permission === 'default') {
      Notification.requestPermission();
    }
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

  function show(text, outcome) {
    result.textContent = text;
    result.setAttribute('data-outcome', outcome);
  }

  function incidentUrl(item, step) {
    return consoleEl.getAttribute('data-incidents-api') + encodeURIComponent(item.getAttribute('data-office-id'))
      + '/incidents/' + encodeURIComponent(item.getAttribute('data-incident-id')) + '/' + step;
  }

  // POSTs one step of an incident; resolves with the problem's detail when refused.
  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: {'Accept': 'application/json', 'HX-Request': 'true'}
    }).then(function (response) {
      if (response.ok) {
        return null;
      }
      return response.json().then(function (problem) {
        return problem.detail || String(response.status);
      }, function () {
        return String(response.status);
      });
    });
  }

  function acknowledge(button) {
    button.disabled = true;
    fetch(consoleEl.getAttribute('data-api-base') + encodeURIComponent(button.getAttribute('data-alert-id')) + '/ack', {
      method: 'POST', credentials: 'same-origin', headers: {'Accept': 'application/json', 'HX-Request': 'true'}
    }).then(function (response) {
      return response.json();
    }).then(function (body) {
      var text = body.outcome === 'ACKNOWLEDGED' ? message('acknowledged')
        : body.outcome === 'ALREADY_ACKNOWLEDGED' ? message('already', body.acknowledgedBy)
        : body.outcome === 'CLEARED' ? message('cleared')
        : body.outcome === 'PENDING' ? message('pending') : message('failed');
      show(text, body.outcome || 'FAILED');
    }).catch(function () {
      show(message('failed'), 'FAILED');
      button.disabled = false;
    });
  }

  function policeNotified(button) {
    var item = button.closest('.incident-alert');
    button.disabled = true;
    post(incidentUrl(item, 'police')).then(function (refused) {
      if (refused) {
        show(message('action-failed', refused), 'FAILED');
        button.disabled = false;
      } else {
        show(message('police-sent'), 'POLICE_NOTIFIED');
      }
    }, function () {
      show(message('action-failed', ''), 'FAILED');
      button.disabled = false;
    });
  }

  function openResolve(button) {
    var item = button.closest('.incident-alert');
    var form = dialog.querySelector('form');
    form.reset();
    dialog.querySelector('[data-testid="resolve-error"]').textContent = '';
    dialog.setAttribute('data-office-id', item.getAttribute('data-office-id'));
    dialog.setAttribute('data-incident-id', item.getAttribute('data-incident-id'));
    var what = item.querySelector('.alert-what');
    var where = item.querySelector('.incident-where');
    dialog.querySelector('[data-resolve-what]').textContent = (what ? what.textContent.replace(/\s+/g, ' ').trim() : '')
      + ' — ' + (where ? where.textContent.replace(/\s+/g, ' ').trim() : '');
    dialog.showModal();
  }

  function submitResolve(event) {
    event.preventDefault();
    var form = event.target;
    var submit = form.querySelector('[type="submit"]');
    var error = dialog.querySelector('[data-testid="resolve-error"]');
    submit.disabled = true;
    post(incidentUrl(dialog, 'resolve'), new URLSearchParams(new FormData(form))).then(function (refused) {
      submit.disabled = false;
      if (refused) {
        error.textContent = message('action-failed', refused);
      } else {
        dialog.close();
        show(message('resolve-sent'), 'RESOLVED');
      }
    }, function () {
      submit.disabled = false;
      error.textContent = message('action-failed', '');
    });
  }

  document.addEventListener('htmx:afterSettle', signalNewAlerts);
  document.addEventListener('htmx:sseMessage', signalNewAlerts);
  document.addEventListener('pointerdown', resumeAudio);
  document.addEventListener('keydown', resumeAudio);
  setInterval(tickAges, 1000);
  if (stored() === 'on') {
    setAlarms(true, false);
  }
  if (dialog) {
    dialog.querySelector('form').addEventListener('submit', submitResolve);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target.closest('[data-enable-alarms]')) {
      setAlarms(!alarmsOn, true);
    } else if (target.closest('[data-fullscreen]')) {
      if (consoleEl.requestFullscreen && !document.fullscreenElement) {
        consoleEl.requestFullscreen();
      } else if (document.exitFullscreen && document.fullscreenElement) {
        document.exitFullscreen();
      }
    } else if (target.closest('[data-resolve-cancel]')) {
      dialog.close();
    } else if (target.closest('[data-ack]')) {
      acknowledge(target.closest('[data-ack]'));
    } else if (target.closest('[data-police]')) {
      policeNotified(target.closest('[data-police]'));
    } else if (target.closest('[data-resolve]')) {
      openResolve(target.closest('[data-resolve]'));
    }
  });
})();
