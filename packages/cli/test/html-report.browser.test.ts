// The HTML report in a real headless Chromium (Debian's `chromium` package, never a downloaded
// browser): the charts drew, their titles are there, and opening the file made no network request.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, vectis } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Git-ignored (packages/cli/.gitignore); CI and the report name this path. */
export const SCREENSHOT = fileURLToPath(new URL('../test-output/report.png', import.meta.url));

// Runs in the page (a string, so the repo's Node-only typecheck needs no DOM lib): draws each SVG on a
// canvas through a data: URL and counts the pixels that are not the white background.
const RASTERIZE = `(async () => {
  const out = [];
  for (const svg of document.querySelectorAll('svg')) {
    const { width, height } = svg.getBoundingClientRect();
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width);
    canvas.height = Math.ceil(height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) n++;
    out.push({ title: svg.querySelector('title')?.textContent ?? '', inked: n, total: canvas.width * canvas.height });
  }
  return out;
})()`;

describe('vectis report --format html in Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return; // the test itself fails below, so the run counts a failure, not a skip
    file = join(tempDir(), 'report.html');
    const r = await vectis(['demo', '--html', file]);
    expect(r.code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the three charts with titles, offline, and makes no network request', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does) or set CHROMIUM_PATH. This test never skips.`);
    }
    const context = await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const titles = await page.locator('svg > title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining([
      'Seats per week per customer and SKU',
      'Margin per SKU against the policy',
      expect.stringMatching(/^Opportunity by direction \(USD per month\)$/),
    ]));
    expect(await page.locator('h2').allTextContents()).toEqual(['Opportunity by direction', 'Seats per week (drift)', 'Margin per SKU against the policy', 'Findings']);

    const inked = (await page.evaluate(RASTERIZE)) as { title: string; inked: number; total: number }[];
    expect(inked.length).toBeGreaterThanOrEqual(3);
    for (const chart of inked) expect(chart.inked, `${chart.title} looks blank`).toBeGreaterThan(chart.total * 0.005);
    // The drift chart has lines and markers, the margin chart one bar per row: both well above a few labels.
    expect(inked.find((c) => c.title.startsWith('Seats per week'))!.inked).toBeGreaterThan(2_000);

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);

    // Only the file itself (and the in-page data: rasterization) was loaded.
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(requests.filter((u) => u.startsWith('file:'))).toEqual([pathToFileURL(file).href]);
    await context.close();
  });
});
