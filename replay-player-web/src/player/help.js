// The keyboard shortcuts window: the help button or `?` opens it, Esc or its close button closes
// it (a modal <dialog>, which keeps the focus inside while open and gives it back afterwards).

import { isTextEntry } from './fullscreen.js';

export function attachHelp(dialog, openButton, closeButton) {
  const open = () => {
    if (!dialog.open) {
      dialog.showModal();
      closeButton.focus();
    }
  };
  openButton.addEventListener('click', open);
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      dialog.close(); // a click on the backdrop
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target)) {
      event.preventDefault();
      if (dialog.open) {
        dialog.close();
      } else {
        open();
      }
    }
  });
}
