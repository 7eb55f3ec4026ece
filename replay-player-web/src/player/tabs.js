// The tabs of the side column: each `[role=tab]` of the tab list shows the panel its
// `aria-controls` names and hides the others. Tabs added later (other panels) work the same;
// ←/→ move between tabs, as the ARIA tabs pattern has it.

export function attachTabs(tabList) {
  const tabs = () => [...tabList.querySelectorAll('[role=tab]')];
  const select = (chosen) => {
    for (const tab of tabs()) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls'));
      if (panel) {
        panel.hidden = !selected;
      }
    }
  };
  tabList.addEventListener('click', (event) => {
    const tab = event.target.closest('[role=tab]');
    if (tab) {
      select(tab);
    }
  });
  tabList.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') {
      return;
    }
    const all = tabs();
    const index = all.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const next = all[(index + (event.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
    select(next);
    next.focus();
  });
  select(tabs().find((tab) => tab.getAttribute('aria-selected') === 'true') ?? tabs()[0]);
}
