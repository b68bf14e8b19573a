// Filters of Deadbolt's HTML report: by check and by state. A filtered-out finding and a file left with
// none are hidden; following a link to a hidden finding (from the lock-order graph) clears the filters.
(() => {
  'use strict';
  const check = document.getElementById('filter-check');
  const states = Array.from(document.querySelectorAll('nav.filters input[name=state]'));
  const shown = document.getElementById('shown');
  const findings = Array.from(document.querySelectorAll('article.finding'));
  const files = Array.from(document.querySelectorAll('section.file'));

  function apply() {
    const wanted = check.value;
    const on = new Set(states.filter(s => s.checked).map(s => s.value));
    let visible = 0;
    for (const finding of findings) {
      const show = (wanted === '' || finding.dataset.check === wanted) && on.has(finding.dataset.state);
      finding.hidden = !show;
      if (show) visible++;
    }
    for (const file of files) {
      file.hidden = !file.querySelector('article.finding:not([hidden])');
    }
    shown.textContent = visible + ' of ' + findings.length + ' findings shown';
  }

  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target && target.matches('article.finding') && target.hidden) {
      check.value = '';
      states.forEach(s => { s.checked = true; });
      apply();
      target.scrollIntoView();
    }
  }

  check.addEventListener('change', apply);
  states.forEach(s => s.addEventListener('change', apply));
  document.querySelectorAll('#summary button[data-check]').forEach(button => {
    button.addEventListener('click', () => {
      check.value = button.dataset.check;
      apply();
      document.getElementById('findings').scrollIntoView();
    });
  });
  window.addEventListener('hashchange', reveal);
  apply();
  reveal();
})();
