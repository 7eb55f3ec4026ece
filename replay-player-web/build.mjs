// Bundles the player and the recorder script into target/classes/static, which Spring Boot
// serves: /player/index.html, /player/player.js, /player/player.css, /player/favicon.svg and
// /sdk/recorder.js. The seek benchmark's rrweb-player page goes to target/bench, outside the jar.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const out = 'target/classes/static';

const common = {
  bundle: true,
  minify: true,
  legalComments: 'eof',
  logLevel: 'info',
};

await rm(`${out}/player`, { recursive: true, force: true });
await rm(`${out}/sdk`, { recursive: true, force: true });
await mkdir(`${out}/player`, { recursive: true });
await mkdir(`${out}/sdk`, { recursive: true });
await mkdir('target/bench', { recursive: true });
await copyFile('src/bench/rrweb-player.html', 'target/bench/rrweb-player.html');

await copyFile('src/player/index.html', `${out}/player/index.html`);
await copyFile('src/player/favicon.svg', `${out}/player/favicon.svg`);

await Promise.all([
  // The player page: an ES module, for current browsers.
  build({
    ...common,
    entryPoints: ['src/player/player.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: `${out}/player/player.js`,
  }),
  // The player's styles, with rrweb's replayer styles (imported from the package) inlined.
  build({
    ...common,
    entryPoints: ['src/player/player.css'],
    target: ['chrome100', 'firefox100', 'safari15'],
    outfile: `${out}/player/player.css`,
  }),
  // The recorder runs on customers' sites: a classic script (IIFE) that older browsers parse.
  build({
    ...common,
    entryPoints: ['src/recorder/recorder.js'],
    format: 'iife',
    target: ['es2019'],
    outfile: `${out}/sdk/recorder.js`,
  }),
  // Benchmark only: rrweb-player fed a whole session, to compare seeking with our player.
  build({
    ...common,
    entryPoints: ['src/bench/rrweb-player.js'],
    format: 'esm',
    target: ['es2022'],
    outfile: 'target/bench/rrweb-player.js',
  }),
  build({
    ...common,
    entryPoints: ['node_modules/rrweb-player/dist/style.css'],
    outfile: 'target/bench/rrweb-player.css',
  }),
]);
