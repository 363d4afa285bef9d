// The live reload of `planc serve` in a real browser (Debian's chromium, driven by
// playwright-core): open a plan's page, save the plan, and wait for the page to show the
// change without reloading it by hand. Run by tests/integration/serve.rs, which starts the
// server and passes:
//   PLANC_URL         the index URL (http://127.0.0.1:PORT/)
//   PLANC_PLAN        the plan file to edit (east-china.plan.yaml of a copy of examples/org)
//   PLANC_SHOTS       a folder for screenshots
//   PLANC_CHROMIUM    the browser (/usr/bin/chromium)
//   PLANC_PLAYWRIGHT  the playwright-core module folder
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLANC_PLAYWRIGHT);

const base = process.env.PLANC_URL;
const plan = process.env.PLANC_PLAN;
const shots = process.env.PLANC_SHOTS;
const TITLE = 'title: 华东大区2026年度销售工作执行计划';

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.PLANC_CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await page.screenshot({ path: path.join(shots, 'index.png'), fullPage: true });

    const name = path.basename(plan);
    // Subscribed once the page's EventSource has asked for /events.
    const subscribed = page.waitForRequest((r) => r.url().endsWith('/events'));
    await page.goto(base + 'plan/' + name);
    await subscribed;
    await page.frameLocator('#report').locator('h1').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'report.png') });

    const original = fs.readFileSync(plan, 'utf8');
    if (!original.includes(TITLE)) throw new Error('the plan has no title line to edit');
    const times = [];
    for (let i = 1; i <= 5; i++) {
      const mark = `（修订${i}）`;
      const t0 = Date.now();
      fs.writeFileSync(plan, original.replace(TITLE, TITLE + mark));
      // No reload from here: the page must update by itself.
      await page.waitForFunction((m) => document.title.includes(m), mark, { timeout: 20000 });
      await page.frameLocator('#report').locator('h1', { hasText: mark }).first().waitFor({ timeout: 20000 });
      times.push(Date.now() - t0);
      // Let the reloaded page subscribe again before the next save.
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: path.join(shots, 'report-changed.png') });
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`reloaded in ${times.join(', ')} ms (median ${sorted[2]} ms) from save to the new title in the report`);

    // A broken file: its findings appear in place of the report.
    fs.writeFileSync(plan, original.replace('kind: region', 'kind: [ region'));
    await page.locator('#findings').waitFor({ timeout: 20000 });
    const findings = await page.locator('#findings pre').innerText();
    if (!findings.includes('P001')) throw new Error('the findings do not show P001:\n' + findings);
    await page.screenshot({ path: path.join(shots, 'errors.png'), fullPage: true });
    console.log('findings shown after a YAML error');
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
