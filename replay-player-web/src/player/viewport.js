// Scales the replayed page to fit the stage while keeping the recorded aspect ratio.
//
// The viewport element is sized to the scaled page, so its box is exactly what the viewer sees;
// rrweb's wrapper inside it keeps the recorded size and is scaled with a CSS transform. Sizes are
// set through the CSSOM (element.style), which a Content-Security-Policy without
// 'unsafe-inline' allows.

export class ViewportFitter {
  #stage;
  #viewport;
  #wrapper = null;
  #recorded = null;
  #observer;

  constructor(stage, viewport) {
    this.#stage = stage;
    this.#viewport = viewport;
    this.#observer = new ResizeObserver(() => this.#fit());
    this.#observer.observe(stage);
  }

  /** Called when the replayer reports the recorded page's size (its 'resize' event). */
  setRecordedSize(wrapper, width, height) {
    if (!(width > 0 && height > 0)) {
      return;
    }
    this.#wrapper = wrapper;
    this.#recorded = { width, height };
    this.#fit();
  }

  disconnect() {
    this.#observer.disconnect();
  }

  #fit() {
    if (!this.#wrapper || !this.#recorded) {
      return;
    }
    const style = getComputedStyle(this.#stage);
    const availableWidth = this.#stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const availableHeight = this.#stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const { width, height } = this.#recorded;
    const scale = Math.max(0.05, Math.min(availableWidth / width, availableHeight / height));

    this.#wrapper.style.width = `${width}px`;
    this.#wrapper.style.height = `${height}px`;
    this.#wrapper.style.transform = `scale(${scale})`;
    this.#viewport.style.width = `${Math.floor(width * scale)}px`;
    this.#viewport.style.height = `${Math.floor(height * scale)}px`;
    this.#viewport.dataset.scale = scale.toFixed(4);
  }
}
