// Test only, never served by the app: plays a session in rrweb's own Replayer twice, once from
// its first event and once from a stored keyframe, pauses both at the same moment and
// serializes both pages, so that a test can check that the keyframe shows what the whole
// session shows.
import { EventType, IncrementalSource, MouseInteractions, Replayer } from 'rrweb';
import { firstFrame } from '../player/first-frame.js';

const ASSETS_TIMEOUT_MS = 3000;
const SETTLE_POLL_MS = 100;
const SETTLE_POLLS = 30;

const replayers = {};

// The incremental sources that move rrweb's pointer by positions, and the mouse interactions
// that place it on their target.
const POINTER_MOVES = new Set([IncrementalSource.MouseMove, IncrementalSource.TouchMove, IncrementalSource.Drag]);
const POINTER_PLACING = new Set([
  MouseInteractions.MouseUp,
  MouseInteractions.MouseDown,
  MouseInteractions.Click,
  MouseInteractions.TouchStart,
  MouseInteractions.TouchEnd,
]);

/**
 * Shows the moment `t` (ms from the session's first event) in two replayers, one given every
 * event of the session, one given a window that starts with a keyframe, and compares them.
 * @param {string} wholeUrl the URL of the whole session's events
 * @param {string} windowUrl the URL of the window's events, keyframe first
 * @param {number} t the moment, in ms from the session's first event
 * @returns {Promise<object>} both serializations, whether they are equal and the first
 * differing line
 */
window.compareAt = async (wholeUrl, windowUrl, t) => {
  const [whole, windowEvents] = await Promise.all([fetchEvents(wholeUrl), fetchEvents(windowUrl)]);
  const sessionStart = whole[0].timestamp;
  const moment = sessionStart + t;
  let left = await showAt('whole', whole, moment, true);
  let right = await showAt('window', windowEvents, moment, true);
  let difference = firstDifference(left, right);
  let hover = true;
  if (difference !== null && ignoredPointerEvent(whole, moment)) {
    hover = false;
    left = serialize(replayers.whole, false);
    right = serialize(replayers.window, false);
    difference = firstDifference(left, right);
  }
  return {
    equal: difference === null,
    difference,
    whole: left.join('\n'),
    window: right.join('\n'),
    keyframeAt: windowEvents[0].timestamp - sessionStart,
    hoverCompared: hover,
  };
};

// Whether the last event before `moment` that places rrweb's pointer is a press, release,
// click or touch on a node that a mutation added after the last full snapshot. While it
// fast-forwards, rrweb applies mutations to a virtual DOM and looks the targets of mouse
// interactions up in the mirror of the real one, which does not hold those nodes yet, so
// from the session start it drops that interaction and leaves its pointer (and the elements
// it marks as hovered, class ":hover") where an earlier event put it; from a keyframe, which
// holds the node, it moves the pointer there as the recorded page did. No keyframe can make
// the replayer drop the interaction, so in that case alone, and only when the two replays
// differ, the ":hover" marks are left out of both.
function ignoredPointerEvent(events, moment) {
  let snapshotIds = null;
  let added = new Set();
  let last = null;
  for (const event of events) {
    if (event.timestamp >= moment) {
      break;
    }
    if (event.type === EventType.FullSnapshot) {
      snapshotIds = new Set();
      collectIds(event.data.node, snapshotIds);
      added = new Set();
      last = null;
    } else if (event.type === EventType.IncrementalSnapshot) {
      const { data } = event;
      if (data.source === IncrementalSource.Mutation) {
        for (const addition of data.adds ?? []) {
          collectIds(addition.node, added);
        }
      } else if (POINTER_MOVES.has(data.source) && data.positions?.length) {
        last = null;
      } else if (data.source === IncrementalSource.MouseInteraction && POINTER_PLACING.has(data.type) && data.id !== -1) {
        last = data.id;
      }
    }
  }
  return last !== null && added.has(last) && !snapshotIds?.has(last);
}

function collectIds(node, ids) {
  ids.add(node.id);
  for (const child of node.childNodes ?? []) {
    collectIds(child, ids);
  }
}

async function fetchEvents(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

// Builds a replayer in the named container and pauses it just after every event before `moment`.
async function showAt(name, events, moment, hover) {
  replayers[name]?.destroy();
  const root = document.getElementById(name);
  root.replaceChildren();
  const replayer = new Replayer(events, {
    root,
    showWarning: false,
    showDebug: false,
    UNSAFE_replayCanvas: false,
    mouseTail: false,
  });
  replayers[name] = replayer;
  await firstFrame(replayer);
  const offset = moment - events[0].timestamp;
  replayer.pause(offset);
  // Images and fonts change the layout, and with it the scroll positions a page can take:
  // once they are loaded (and cached), show the moment again.
  await assetsLoaded(replayer.iframe.contentDocument);
  replayer.pause(offset);
  return settled(replayer, hover);
}

// The page once it stops changing: a page with `scroll-behavior: smooth` scrolls to the
// replayed positions over several frames.
async function settled(replayer, hover) {
  await nextFrame();
  let previous = serialize(replayer, hover);
  for (let i = 0; i < SETTLE_POLLS; i++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    const next = serialize(replayer, hover);
    if (next.length === previous.length && next.every((line, index) => line === previous[index])) {
      return next;
    }
    previous = next;
  }
  return previous;
}

async function assetsLoaded(doc) {
  const images = Array.from(doc.images).filter((image) => !image.complete);
  const loads = images.map((image) => new Promise((resolve) => {
    image.addEventListener('load', resolve, { once: true });
    image.addEventListener('error', resolve, { once: true });
  }));
  const timeout = new Promise((resolve) => setTimeout(resolve, ASSETS_TIMEOUT_MS));
  await Promise.race([Promise.all([...loads, doc.fonts.ready]), timeout]);
}

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// One line per node, indented by depth. Left out: what rrweb adds to a page for its own use
// (the style elements it injects, which have no recorded node id in its mirror, only -1 or
// a negative id of its own; rr_* and data-rrweb* attributes; the rrweb-paused class). A style
// sheet is written as its rules as the browser holds them (CSSOM), since rrweb applies
// recorded rule insertions and deletions to the sheet, not to the style element's text.
function serialize(replayer, hover) {
  const mirror = replayer.getMirror();
  const lines = [];
  const doc = replayer.iframe.contentDocument;
  ignoredClasses = hover ? ['rrweb-paused'] : ['rrweb-paused', ':hover'];
  writeDocument(doc, 0, lines, mirror);
  return lines;
}

let ignoredClasses = [];

function writeDocument(doc, depth, lines, mirror) {
  const view = doc.defaultView;
  lines.push(`${pad(depth)}#document scroll=${Math.round(view?.scrollX ?? 0)},${Math.round(view?.scrollY ?? 0)}`);
  writeAdopted(doc, depth + 1, lines);
  for (const child of doc.childNodes) {
    writeNode(child, depth + 1, lines, mirror);
  }
}

function writeNode(node, depth, lines, mirror) {
  switch (node.nodeType) {
    case Node.ELEMENT_NODE:
      writeElement(node, depth, lines, mirror);
      break;
    case Node.TEXT_NODE: {
      const text = normalize(node.data);
      if (text && !isStyleElement(node.parentNode)) {
        lines.push(`${pad(depth)}"${text}"`);
      }
      break;
    }
    case Node.COMMENT_NODE:
      lines.push(`${pad(depth)}<!--${normalize(node.data)}-->`);
      break;
    case Node.DOCUMENT_TYPE_NODE:
      lines.push(`${pad(depth)}<!doctype ${node.name}>`);
      break;
    default:
      break;
  }
}

function writeElement(element, depth, lines, mirror) {
  const tag = element.localName;
  if (tag === 'style' && mirror.getId(element) < 0) {
    return;
  }
  const attributes = Array.from(element.attributes)
    .filter((attribute) => !isBookkeeping(attribute.name))
    .map((attribute) => [attribute.name, attribute.name === 'class' ? classes(attribute.value) : attribute.value])
    .filter(([name, value]) => !(name === 'class' && value === ''))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}="${normalize(value)}"`)
    .join('');
  const state = [];
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    state.push(`value=${JSON.stringify(element.value)}`);
  }
  if (tag === 'input' && (element.type === 'checkbox' || element.type === 'radio')) {
    state.push(`checked=${element.checked}`);
  }
  if (tag === 'option') {
    state.push(`selected=${element.selected}`);
  }
  if (element.scrollLeft || element.scrollTop) {
    state.push(`scroll=${Math.round(element.scrollLeft)},${Math.round(element.scrollTop)}`);
  }
  lines.push(`${pad(depth)}<${tag}${attributes}>${state.length ? ` {${state.join(' ')}}` : ''}`);
  if (isStyleElement(element)) {
    writeSheet(element.sheet, depth + 1, lines);
  }
  if (element.shadowRoot) {
    lines.push(`${pad(depth + 1)}#shadow-root`);
    writeAdopted(element.shadowRoot, depth + 2, lines);
    for (const child of element.shadowRoot.childNodes) {
      writeNode(child, depth + 2, lines, mirror);
    }
  }
  for (const child of element.childNodes) {
    writeNode(child, depth + 1, lines, mirror);
  }
  if (tag === 'iframe' && element.contentDocument) {
    writeDocument(element.contentDocument, depth + 1, lines, mirror);
  }
}

function isStyleElement(node) {
  return node?.nodeType === Node.ELEMENT_NODE
    && (node.localName === 'style' || (node.localName === 'link' && node.sheet));
}

function writeSheet(sheet, depth, lines) {
  if (!sheet) {
    lines.push(`${pad(depth)}@sheet none`);
    return;
  }
  let rules;
  try {
    rules = sheet.cssRules;
  } catch {
    lines.push(`${pad(depth)}@sheet not readable`);
    return;
  }
  writeRules(rules, depth, lines);
}

function writeRules(rules, depth, lines) {
  for (const rule of rules) {
    // the rules belong to the replay iframe's realm: no instanceof with this window's classes
    if (rule.type !== CSSRule.STYLE_RULE && rule.cssRules) {
      lines.push(`${pad(depth)}@group ${normalize(rule.cssText.slice(0, rule.cssText.indexOf('{')))}`);
      writeRules(rule.cssRules, depth + 1, lines);
    } else {
      lines.push(`${pad(depth)}@rule ${normalize(ruleText(rule))}`);
    }
  }
}

// Blink lists a style rule's !important declarations after the others when it parses CSS
// text, but keeps a declaration where it was when the page changes it to !important with
// setProperty(). A keyframe can only carry CSS text, so such a rule is written with its
// !important declarations last, which is the same rule; every other rule as the browser
// serializes it.
function ruleText(rule) {
  const style = rule.style;
  if (rule.type !== CSSRule.STYLE_RULE || !style || !Array.from(style).some((name) => style.getPropertyPriority(name))) {
    return rule.cssText;
  }
  const names = Array.from(style);
  const normal = names.filter((name) => !style.getPropertyPriority(name));
  const important = names.filter((name) => style.getPropertyPriority(name));
  const declarations = [...normal, ...important]
    .map((name) => `${name}: ${style.getPropertyValue(name)}${style.getPropertyPriority(name) ? ' !important' : ''};`);
  return `${rule.selectorText} { ${declarations.join(' ')} }`;
}

function writeAdopted(root, depth, lines) {
  for (const sheet of root.adoptedStyleSheets ?? []) {
    lines.push(`${pad(depth)}#adopted-sheet`);
    writeSheet(sheet, depth + 1, lines);
  }
}

function isBookkeeping(name) {
  return name.startsWith('rr_') || name.startsWith('data-rrweb');
}

function classes(value) {
  return value.split(/\s+/).filter((name) => name && !ignoredClasses.includes(name)).sort().join(' ');
}

function normalize(text) {
  return text.replace(/\s+/g, ' ').trim();
}

function pad(depth) {
  return '  '.repeat(depth);
}

// The first differing line with up to five lines of context before it, or null.
function firstDifference(left, right) {
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    if (left[i] !== right[i]) {
      const from = Math.max(0, i - 5);
      return {
        line: i + 1,
        context: left.slice(from, i).join('\n'),
        whole: left[i] ?? '(end)',
        window: right[i] ?? '(end)',
      };
    }
  }
  return null;
}
