// Bundles the player, the app around it and the recorder script into target/classes/static,
// which Spring Boot serves: /player/index.html (written from src/app/player.html with the names
// below), the player page's scripts and styles named by their content under /player/assets/
// (ADR 0037): player-<hash>.js (the page's entry, src/app/player-page.js), early-<hash>.js (the
// script that starts loading the moment before it, src/app/player-early.js), player-<hash>.css and
// chrome-<hash>.css (the app's top bar); /player/favicon.svg;
// /app/{index,login,embed,share}.html with their modules and their chunks (/app/chunks/, named by
// their content too), /app/app.css and /app/chrome.css; and /sdk/recorder.js; and, outside static/
// (never served), the page an exported session is written into, export/{export.html,player.js,
// player.css}, which the server inlines. The seek benchmark's rrweb-player page and the keyframe
// fidelity test's page go to target/bench, outside the jar.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const out = 'target/classes/static';
const exportOut = 'target/classes/export';
const playerAssets = `${out}/player/assets`;

// What src/app/player.html references, and the entry point whose output, named by its content,
// takes its place in static/player/index.html.
const playerPageReferences = {
  '/player/player.js': 'src/app/player-page.js',
  '/player/early.js': 'src/app/player-early.js',
  '/player/player.css': 'src/player/player.css',
  '/app/chrome.css': 'src/app/chrome.css',
};

const common = {
  bundle: true,
  minify: true,
  legalComments: 'eof',
  logLevel: 'info',
};

await rm(`${out}/player`, { recursive: true, force: true });
await rm(`${out}/sdk`, { recursive: true, force: true });
await rm(`${out}/app`, { recursive: true, force: true });
await rm(exportOut, { recursive: true, force: true });
await mkdir(`${out}/player`, { recursive: true });
await mkdir(`${out}/app`, { recursive: true });
await mkdir(`${out}/sdk`, { recursive: true });
await mkdir(exportOut, { recursive: true });
await mkdir('target/bench', { recursive: true });
await copyFile('src/bench/rrweb-player.html', 'target/bench/rrweb-player.html');
await copyFile('src/bench/keyframe-fidelity.html', 'target/bench/keyframe-fidelity.html');

await copyFile('src/player/favicon.svg', `${out}/player/favicon.svg`);
for (const page of ['index.html', 'login.html', 'embed.html', 'share.html']) {
  await copyFile(`src/app/${page}`, `${out}/app/${page}`);
}
await copyFile('src/export/export.html', `${exportOut}/export.html`);

const [playerScripts, playerStyles] = await Promise.all([
  // The player page: the player library with the app's top bar (player-<hash>.js), and its early
  // script (early-<hash>.js), which starts the first request while the player downloads; two ES
  // modules for current browsers, each a bundle of its own.
  build({
    ...common,
    entryPoints: { player: 'src/app/player-page.js', early: 'src/app/player-early.js' },
    format: 'esm',
    target: ['es2022'],
    outdir: playerAssets,
    entryNames: '[name]-[hash]',
    metafile: true,
  }),
  // The player page's styles: the player's, with rrweb's replayer styles (imported from the
  // package) inlined, and the app's top bar.
  build({
    ...common,
    entryPoints: { player: 'src/player/player.css', chrome: 'src/app/chrome.css' },
    target: ['chrome100', 'firefox100', 'safari15'],
    outdir: playerAssets,
    entryNames: '[name]-[hash]',
    metafile: true,
  }),
  // The app's pages: one module per HTML page, sharing chunks (rrweb, the API client); each
  // page of the shell is loaded on demand.
  build({
    ...common,
    entryPoints: ['src/app/app.js', 'src/app/login.js', 'src/app/embed.js', 'src/app/share.js'],
    format: 'esm',
    splitting: true,
    target: ['es2022'],
    outdir: `${out}/app`,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  // The app's styles (with the player's), and its chrome (the top bar) on its own.
  build({
    ...common,
    entryPoints: ['src/app/app.css', 'src/app/chrome.css'],
    target: ['chrome100', 'firefox100', 'safari15'],
    outdir: `${out}/app`,
  }),
  // The recorder runs on customers' sites: a classic script (IIFE) that older browsers parse.
  build({
    ...common,
    entryPoints: ['src/recorder/recorder.js'],
    format: 'iife',
    target: ['es2019'],
    outfile: `${out}/sdk/recorder.js`,
  }),
  // The player of an exported session file: one classic script that the file carries inline
  // (allowed by its hash), with its styles.
  build({
    ...common,
    entryPoints: ['src/export/export-player.js'],
    format: 'iife',
    target: ['es2022'],
    outfile: `${exportOut}/player.js`,
  }),
  build({
    ...common,
    entryPoints: ['src/export/export.css'],
    target: ['chrome100', 'firefox100', 'safari15'],
    outfile: `${exportOut}/player.css`,
  }),
  // Benchmark only: rrweb-player fed a whole session, to compare seeking with our player.
  build({
    ...common,
    entryPoints: ['src/bench/rrweb-player.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: 'target/bench/rrweb-player.js',
  }),
  // Test only: rrweb's Replayer showing one moment from the session start and from a keyframe.
  build({
    ...common,
    minify: false,
    entryPoints: ['src/bench/keyframe-fidelity.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: 'target/bench/keyframe-fidelity.js',
  }),
  build({
    ...common,
    entryPoints: ['node_modules/rrweb-player/dist/style.css'],
    outfile: 'target/bench/rrweb-player.css',
  }),
]);

await writePlayerPage([playerScripts, playerStyles]);

// Writes static/player/index.html: src/app/player.html with each reference of
// playerPageReferences replaced by the address of its entry point's output. A reference the page
// no longer has, or an entry point without an output, stops the build: the page would otherwise
// load a file that is not there.
async function writePlayerPage(results) {
  const addresses = new Map();
  for (const { metafile } of results) {
    for (const [file, { entryPoint }] of Object.entries(metafile.outputs)) {
      if (entryPoint) {
        if (!file.startsWith(`${out}/`)) {
          throw new Error(`build.mjs: ${file} is not under ${out}`);
        }
        addresses.set(entryPoint, file.substring(out.length));
      }
    }
  }
  let page = await readFile('src/app/player.html', 'utf8');
  for (const [reference, entryPoint] of Object.entries(playerPageReferences)) {
    const address = addresses.get(entryPoint);
    if (!address) {
      throw new Error(`build.mjs: no output for ${entryPoint}, which replaces ${reference} in player.html`);
    }
    const attribute = new RegExp(`(src|href)="${reference.replaceAll('.', '\\.')}"`, 'g');
    const found = page.match(attribute)?.length ?? 0;
    if (found !== 1) {
      throw new Error(`build.mjs: src/app/player.html references ${reference} ${found} times, expected once`);
    }
    page = page.replace(attribute, `$1="${address}"`);
  }
  await writeFile(`${out}/player/index.html`, page);
}
