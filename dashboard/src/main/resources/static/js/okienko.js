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

// Wallboard (?kiosk): the office tiles that do not fit the screen are shown in turns, one screenful
// every ?every= seconds (default 15), worst offices on the first; a live update keeps the page shown.
(function () {
  if (!document.body.classList.contains('kiosk')) {
    return;
  }
  var every = parseInt(new URLSearchParams(window.location.search).get('every'), 10);
  var seconds = every > 0 ? every : 15;
  var page = 0;
  function paginate() {
    var list = document.querySelector('.tiles');
    if (!list) {
      return;
    }
    var tiles = Array.prototype.slice.call(list.children);
    tiles.forEach(function (tile) { tile.hidden = false; });
    var bottom = list.getBoundingClientRect().bottom;
    var perPage = tiles.filter(function (tile) { return tile.getBoundingClientRect().bottom <= bottom + 1; }).length || 1;
    var pages = Math.max(1, Math.ceil(tiles.length / perPage));
    page = page % pages;
    tiles.forEach(function (tile, i) { tile.hidden = Math.floor(i / perPage) !== page; });
    list.setAttribute('data-page', (page + 1) + '/' + pages);
  }
  document.addEventListener('htmx:afterSettle', paginate);
  window.addEventListener('resize', paginate);
  setInterval(function () { page += 1; paginate(); }, seconds * 1000);
  paginate();
})();
