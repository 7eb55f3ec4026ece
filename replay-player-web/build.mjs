import { build } from 'esbuild';
import { cp, mkdir } from 'node:fs/promises';

const out = 'target/classes/static';
await mkdir(`${out}/player`, { recursive: true });
await mkdir(`${out}/sdk`, { recursive: true });
await cp('src/player/index.html', `${out}/player/index.html`);
await build({ entryPoints: ['src/player/player.js'], bundle: true, minify: true, format: 'esm', outfile: `${out}/player/player.js` });
