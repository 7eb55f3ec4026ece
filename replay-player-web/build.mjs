// Bundles the player, the app around it and the recorder script into target/classes/static,
// which Spring Boot serves: /player/index.html (from src/app/player.html), /player/player.js (the
// player page's entry, src/app/player-page.js), /player/early.js (the script that starts loading the
// moment before it, src/app/player-early.js), /player/player.css, /player/favicon.svg;
// /app/{index,login,embed,share}.html with their modules, /app/app.css and /app/chrome.css; and
// /sdk/recorder.js; and, outside static/ (never served), the page an exported session is written
// into, export/{export.html,player.js,player.css}, which the server inlines. The seek benchmark's
// rrweb-player page and the keyframe fidelity test's page
// go to target/bench, outside the jar.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const out = 'target/classes/static';
const exportOut = 'target/classes/export';

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

await copyFile('src/app/player.html', `${out}/player/index.html`);
await copyFile('src/player/favicon.svg', `${out}/player/favicon.svg`);
for (const page of ['index.html', 'login.html', 'embed.html', 'share.html']) {
  await copyFile(`src/app/${page}`, `${out}/app/${page}`);
}
await copyFile('src/export/export.html', `${exportOut}/export.html`);

await Promise.all([
  // The player page: the player library with the app's top bar, one ES module for current browsers.
  build({
    ...common,
    entryPoints: ['src/app/player-page.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: `${out}/player/player.js`,
  }),
  // The player page's early script: it starts the first request while player.js downloads.
  build({
    ...common,
    entryPoints: ['src/app/player-early.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: `${out}/player/early.js`,
  }),
  // The player's styles, with rrweb's replayer styles (imported from the package) inlined.
  build({
    ...common,
    entryPoints: ['src/player/player.css'],
    target: ['chrome100', 'firefox100', 'safari15'],
    outfile: `${out}/player/player.css`,
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
  // The app's styles (with the player's), and the chrome the player page adds to its own.
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
