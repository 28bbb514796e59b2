// Small enhancements; every page works without them.
document.documentElement.classList.add('js');

// The header's office switcher opens the chosen office at once.
document.addEventListener('change', function (event) {
  var select = event.target.closest('select[data-autosubmit]');
  if (select && select.form) {
    select.form.submit();
  }
});

// The "Live" badge shows whether the page's SSE stream (htmx sse extension) is connected.
function setLiveState(state) {
  var badge = document.querySelector('[data-testid="live-status"]');
  if (badge) {
    badge.setAttribute('data-state', state);
  }
}
document.addEventListener('htmx:sseOpen', function () { setLiveState('open'); });
document.addEventListener('htmx:sseMessage', function () { setLiveState('open'); });
document.addEventListener('htmx:sseError', function () { setLiveState('error'); });
