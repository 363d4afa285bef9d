// Prints an HTML document to an A4 PDF in a real browser (Debian's chromium, driven by
// playwright-core), as a user's "Print → Save as PDF" does. Run by
// tests/integration/monthly_doc.rs, which reads the pages back with pdftotext and passes:
//   PLANC_HTML        the HTML file to print
//   PLANC_PDF         the PDF to write
//   PLANC_CHROMIUM    the browser (/usr/bin/chromium)
//   PLANC_PLAYWRIGHT  the playwright-core module folder
'use strict';
const { pathToFileURL } = require('url');
const { chromium } = require(process.env.PLANC_PLAYWRIGHT);

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.PLANC_CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(process.env.PLANC_HTML).href);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: process.env.PLANC_PDF, format: 'A4', printBackground: true });
    console.log('printed');
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
