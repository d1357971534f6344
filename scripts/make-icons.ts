/**
 * `npm run icons`: renders build/icon.svg to the PNG sizes each platform wants, with the
 * Chromium the tests use, and packs the Windows .ico and macOS .icns from them. The outputs
 * are committed (they are sources of the package); re-run after changing the SVG.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { encodeIcns, encodeIco, ICNS_TYPES, type PngImage } from './icon-formats.js';

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const images = new Map<number, Uint8Array>();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    images.set(size, await page.locator('svg').screenshot({ omitBackground: true }));
  }
} finally {
  await browser.close();
}

const pick = (list: number[]): PngImage[] => list.map((size) => ({ size, png: images.get(size)! }));
fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
for (const size of LINUX_SIZES)
  fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), images.get(size)!);
fs.writeFileSync(path.join(buildDir, 'icon.png'), images.get(1024)!);
fs.writeFileSync(path.join(buildDir, 'icon.ico'), encodeIco(pick(ICO_SIZES)));
fs.writeFileSync(path.join(buildDir, 'icon.icns'), encodeIcns(pick([...new Set(ICNS_TYPES.map(([, s]) => s))])));
console.log(`Wrote build/icon.png, build/icon.ico, build/icon.icns and ${LINUX_SIZES.length} sizes in build/icons/.`);
