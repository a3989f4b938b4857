/**
 * `npx tsx app/logos.ts`: renders app/logo.svg into the PNG logos Zendesk shows for the app,
 * assets/logo.png (320x320) and assets/logo-small.png (128x128), with the system Chromium. Run it after
 * changing the SVG and commit the PNGs (the package test checks their sizes).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { requiredImages } from './package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main() {
  const svg = readFileSync(`${root}app/logo.svg`, 'utf8');
  const browser = await launchBrowser();
  try {
    for (const [path, size] of Object.entries(requiredImages)) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
      await page.screenshot({
        path: `${root}${path}`,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await page.close();
      console.log(`Wrote ${path} (${size}x${size})`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
