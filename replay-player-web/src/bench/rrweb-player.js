// Benchmark only, never served by the app: rrweb-player given a session's whole event list,
// positioned at ?t=<ms>. Sets body[data-done] once the page at t is drawn.
import rrwebPlayer from 'rrweb-player';

const params = new URLSearchParams(window.location.search);
const target = Number(params.get('t') || 0);
const response = await fetch(params.get('events'));
const events = await response.json();
document.body.dataset.fetched = String(performance.now());
const player = new rrwebPlayer({
  target: document.getElementById('app'),
  props: { events, autoPlay: false, width: 1024, height: 576, skipInactive: false },
});
player.goto(target, false);
requestAnimationFrame(() => {
  document.body.dataset.done = String(performance.now());
});
