// Draws recorded 2D canvases into the replayed page. rrweb's Replayer only replays canvases when
// its iframe may run scripts (UNSAFE_replayCanvas adds allow-scripts to the sandbox), and a
// recorded page must never run them. The iframe is same-origin, so the player draws instead, from
// its own page: each canvas mutation's arguments are decoded here (the recorded image: base64 ->
// ArrayBuffer -> Blob -> ImageBitmap) and the commands are called on the canvas's 2D context.
//
// The recorder samples each canvas a few times a second, and each sample is one full frame:
//   {id, type: 0, commands: [{property: 'clearRect', args: [0, 0, w, h]},
//                            {property: 'drawImage', args: [{rr_type: 'ImageBitmap', args: [
//                              {rr_type: 'Blob', type: 'image/webp', data: [
//                                {rr_type: 'ArrayBuffer', base64: '…'}]}]}, 0, 0]}]}
// A full snapshot carries each drawn canvas as an `rr_dataURL` attribute, which is drawn the same way.
//
// A canvas in a document that runs no script shows its fallback content, not its drawing (the
// HTML standard says so and browsers do it). So each drawn canvas also gets its picture as CSS
// `content: url(data:…)`, which renders the element as that image: a replaced element of the
// canvas's own size, under the recorded page's CSS, as the canvas itself would be.

import { EventType, IncrementalSource } from 'rrweb';

// rrweb's CanvasContext['2D'] (the package does not export the enum); WebGL is not replayed.
const CONTEXT_2D = 0;

// Constructors a recorded argument may name besides ImageBitmap, Blob and ArrayBuffer.
const CONSTRUCTORS = ['ImageData', 'Uint8ClampedArray', 'Uint8Array', 'Float32Array', 'DOMMatrix', 'Path2D'];

/** Whether an event is a mutation of a 2D canvas. */
export function isCanvasMutation(event) {
  return event?.type === EventType.IncrementalSnapshot
    && event.data?.source === IncrementalSource.CanvasMutation
    && event.data.type === CONTEXT_2D;
}

/** The commands of a canvas mutation: a sampled frame has several, a single call has one. */
export function commandsOf(mutation) {
  if (Array.isArray(mutation.commands)) {
    return mutation.commands;
  }
  return mutation.property ? [mutation] : [];
}

/** Whether a mutation repaints the whole canvas (a sampled frame), so what came before no longer shows. */
export function isFullFrame(mutation) {
  const [clear, draw] = commandsOf(mutation);
  return clear?.property === 'clearRect' && clear.args?.[0] === 0 && clear.args?.[1] === 0
    && draw?.property === 'drawImage' && draw.args?.[0]?.rr_type === 'ImageBitmap';
}

/**
 * The mutations that still show after applying `mutations` (the data of canvas mutation events,
 * in order): for each canvas, those from its last full frame on. A seek applies only these.
 */
export function framesToApply(mutations) {
  const lastFullFrame = new Map();
  mutations.forEach((mutation, index) => {
    if (isFullFrame(mutation)) {
      lastFullFrame.set(mutation.id, index);
    }
  });
  return mutations.filter((mutation, index) => index >= (lastFullFrame.get(mutation.id) ?? 0));
}

/** An ArrayBuffer with the bytes of a base64 string. */
export function base64ToArrayBuffer(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes.buffer;
}

/**
 * The value a recorded argument stands for. Plain values stay as they are; `rr_type` objects are
 * rebuilt: ArrayBuffer from base64, Blob from its parts, ImageBitmap with `platform`'s
 * createImageBitmap, and a few constructors (ImageData, typed arrays) from their arguments.
 * Anything else (images by URL, WebGL variables) is refused with an error.
 */
export async function deserializeArg(arg, platform = globalThis) {
  if (Array.isArray(arg)) {
    return Promise.all(arg.map((item) => deserializeArg(item, platform)));
  }
  if (!arg || typeof arg !== 'object' || !('rr_type' in arg)) {
    return arg;
  }
  const type = arg.rr_type;
  if (type === 'ArrayBuffer' && typeof arg.base64 === 'string') {
    return base64ToArrayBuffer(arg.base64);
  }
  if (type === 'Blob' && Array.isArray(arg.data)) {
    return new platform.Blob(await deserializeArg(arg.data, platform), { type: arg.type });
  }
  if (type === 'ImageBitmap' && Array.isArray(arg.args)) {
    return platform.createImageBitmap(...(await deserializeArg(arg.args, platform)));
  }
  if (CONSTRUCTORS.includes(type) && Array.isArray(arg.args) && typeof platform[type] === 'function') {
    return new platform[type](...(await deserializeArg(arg.args, platform)));
  }
  throw new Error(`Canvas argument ${type} is not replayed`);
}

/** An ArrayBuffer-backed Blob of a base64 data: URL (`rr_dataURL`), or null for another URL. */
export function dataUrlToBlob(url, platform = globalThis) {
  const match = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/s.exec(url ?? '');
  if (!match) {
    return null;
  }
  return new platform.Blob([base64ToArrayBuffer(match[2])], { type: match[1] });
}

/**
 * The picture of a sampled frame as a data: URL, straight from the recorded image (nothing to
 * encode again), or null when the mutation is not one frame of one image.
 */
export function frameDataUrl(mutation) {
  const commands = commandsOf(mutation);
  if (!isFullFrame(mutation) || commands.length !== 2) {
    return null;
  }
  const [blob] = commands[1].args[0].args ?? [];
  const parts = blob?.rr_type === 'Blob' ? blob.data : null;
  if (!Array.isArray(parts) || parts.length !== 1 || parts[0]?.rr_type !== 'ArrayBuffer'
    || typeof parts[0].base64 !== 'string' || !/^image\/[\w.+-]+$/.test(blob.type ?? '')) {
    return null;
  }
  return `data:${blob.type};base64,${parts[0].base64}`;
}

/** The ids and data URLs of the canvases drawn in a full snapshot's tree. */
export function snapshotCanvases(node, found = []) {
  if (node?.tagName === 'canvas' && typeof node.attributes?.rr_dataURL === 'string') {
    found.push({ id: node.id, url: node.attributes.rr_dataURL });
  }
  for (const child of node?.childNodes ?? []) {
    snapshotCanvases(child, found);
  }
  return found;
}

/**
 * A Replayer plugin that draws the recorded canvases. Live events are drawn as they come; the
 * events a seek applies at once are collected and only what still shows is drawn, once rrweb
 * has built the page they lead to. Frames of one canvas are always drawn in recorded order.
 */
export function canvasFramesPlugin({ onError = () => {} } = {}) {
  let replayer = null;
  let pending = [];
  let scheduled = false;
  // The last drawing queued per canvas element, so a frame never overtakes the one before it.
  const queues = new WeakMap();
  // The picture each drawn canvas shows (canvas id -> data: URL), put back should a recorded
  // change of the canvas's style attribute drop it.
  const pictures = new Map();
  // Counts full snapshots: a drawing queued for an earlier page leaves this page's pictures alone.
  let page = 0;

  const nodeOf = (id) => replayer?.getMirror().getNode(id);

  // `picture` gives the data: URL once drawn; only the last drawing queued for a canvas asks.
  const enqueue = (canvas, id, paint, picture) => {
    const queuedOn = page;
    const previous = queues.get(canvas) ?? Promise.resolve();
    const next = previous
      .then(paint)
      .then(() => {
        if (queues.get(canvas) === next && queuedOn === page) {
          pictures.set(id, picture());
          show(canvas, pictures.get(id));
        }
      })
      .catch(onError);
    queues.set(canvas, next);
  };

  const restyle = () => {
    for (const [id, url] of pictures) {
      const canvas = nodeOf(id);
      if (isCanvas(canvas)) {
        show(canvas, url);
      }
    }
  };

  const drawMutation = (mutation) => {
    const canvas = nodeOf(mutation.id);
    if (!isCanvas(canvas)) {
      return;
    }
    const commands = commandsOf(mutation);
    // Decoding starts at once; drawing waits for the frames before.
    const decoded = Promise.all(commands.map((command) => deserializeArg(command.args ?? [])));
    decoded.catch(() => {});
    enqueue(canvas, mutation.id, async () => {
      const args = await decoded;
      const context = canvas.getContext('2d');
      if (!context) {
        return;
      }
      commands.forEach((command, index) => {
        if (command.setter) {
          context[command.property] = command.args[0];
        } else if (typeof context[command.property] === 'function') {
          context[command.property](...args[index]);
        }
      });
    }, () => frameDataUrl(mutation) ?? canvas.toDataURL());
  };

  const drawSnapshot = (snapshot) => {
    for (const { id, url } of snapshotCanvases(snapshot.data?.node)) {
      const canvas = nodeOf(id);
      const blob = dataUrlToBlob(url);
      if (!isCanvas(canvas) || !blob) {
        continue;
      }
      const decoded = createImageBitmap(blob);
      decoded.catch(() => {});
      enqueue(canvas, id, async () => {
        const image = await decoded;
        const context = canvas.getContext('2d');
        context?.clearRect(0, 0, canvas.width, canvas.height);
        context?.drawImage(image, 0, 0);
      }, () => url);
    }
  };

  // After a seek's events: rrweb has applied them all (and built its virtual DOM into the page).
  const flush = () => {
    scheduled = false;
    const events = pending;
    pending = [];
    // A full snapshot in a seek restarts the collection, so it can only come first.
    if (events[0]?.type === EventType.FullSnapshot) {
      drawSnapshot(events[0]);
    }
    framesToApply(events.filter(isCanvasMutation).map((event) => event.data)).forEach(drawMutation);
  };

  return {
    handler(event, isSync, context) {
      replayer = context.replayer;
      if (event.type === EventType.IncrementalSnapshot && event.data?.source === IncrementalSource.Mutation
        && pictures.size > 0) {
        queueMicrotask(restyle);
      }
      if (event.type === EventType.FullSnapshot) {
        // A new page: its canvases are new elements, drawn from the snapshot.
        pictures.clear();
        page++;
      }
      if (event.type !== EventType.FullSnapshot && !isCanvasMutation(event)) {
        return;
      }
      if (!isSync) {
        if (pending.length > 0) {
          flush();
        }
        if (event.type === EventType.FullSnapshot) {
          drawSnapshot(event);
        } else {
          drawMutation(event.data);
        }
        return;
      }
      if (event.type === EventType.FullSnapshot) {
        pending = [];
      }
      pending.push(event);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    },
  };
}

function show(canvas, url) {
  const value = `url("${url}")`;
  if (url && canvas.style.getPropertyValue('content') !== value) {
    canvas.style.setProperty('content', value);
  }
}

// The replayed page's canvases belong to the iframe's realm, so `instanceof HTMLCanvasElement`
// (the player's) would not recognise them.
function isCanvas(node) {
  return node?.nodeName === 'CANVAS' && typeof node.getContext === 'function';
}
