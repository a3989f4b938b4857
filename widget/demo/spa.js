/* global location, history, URLSearchParams */
// The demo single-page app: client-side routing with history.pushState and popstate.
(function () {
  var views = {
    overview: { title: 'Overview', body: 'Your workspace at a glance.' },
    pricing: { title: 'Billing & pricing', body: 'You are on the Team plan: 5 seats, $60 per month.' },
    settings: { title: 'Settings', body: 'Workspace name, time zone and notifications.' },
  };
  function render() {
    var name = new URLSearchParams(location.search).get('view') || 'overview';
    var view = views[name] || views.overview;
    document.getElementById('spa-title').textContent = view.title;
    document.getElementById('spa-body').textContent = view.body;
    document.title = view.title + ' — Acme app';
  }
  document.getElementById('spa-nav').addEventListener('click', function (event) {
    var link = event.target.closest('a[data-view]');
    if (!link) return;
    event.preventDefault();
    history.pushState({ view: link.getAttribute('data-view') }, '', link.getAttribute('href'));
    render();
  });
  window.addEventListener('popstate', render);
  render();
})();
