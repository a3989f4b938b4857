/* global location */
// Demo helpers: shows what the widget does (window.proactive events) and offers buttons to try the API.
// An external file, so the demo pages run under a strict Content-Security-Policy like a real customer site.
(function () {
  var log = document.getElementById('demo-log');
  function write(line) {
    if (!log) return;
    var time = new Date().toLocaleTimeString();
    log.textContent = (time + '  ' + line + '\n' + log.textContent).split('\n').slice(0, 8).join('\n');
  }
  function wire() {
    ['shown', 'opened', 'dismissed', 'replied'].forEach(function (type) {
      window.proactive.on(type, function (event) {
        write(type + ': "' + event.messageName + '"');
      });
    });
    write('widget ready');
  }
  if (window.proactive) wire();
  else window.addEventListener('proactive:ready', wire, { once: true });

  document.addEventListener('click', function (event) {
    var target = event.target.closest && event.target.closest('[data-demo]');
    if (!target) return;
    var action = target.getAttribute('data-demo');
    if (action === 'identify' && window.proactive) {
      window.proactive.identify({ name: 'Ada Lovelace', email: 'ada@example.com' });
      write('identified as Ada Lovelace');
    } else if (action === 'open' && window.proactive) {
      window.proactive.open();
    } else if (action === 'close' && window.proactive) {
      window.proactive.close();
    } else if (action === 'reset') {
      localStorage.clear();
      sessionStorage.clear();
      document.cookie = 'proactive_session=; path=/; max-age=0';
      location.reload();
    }
  });
})();
