// Run pa11y (HTML_CodeSniffer, WCAG 2 AA, errors only) on each URL given, in one Debian chromium.
// Prints one JSON line per URL: {"url": ..., "issues": [{code, selector, context, message}]}.
// Usage: NODE_PATH=.node/node_modules node tests/pa11y/run.js CHROMIUM WIDTH URL...
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

(async () => {
  const [executablePath, width, ...urls] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    for (const url of urls) {
      const mobile = Number(width) < 600;
      const result = await pa11y(url, {
        browser, standard: "WCAG2AA", runners: ["htmlcs"], includeWarnings: false, includeNotices: false,
        timeout: 120000, viewport: { width: Number(width), height: 900, isMobile: mobile, hasTouch: mobile },
      });
      const issues = result.issues.map((i) => ({ code: i.code, selector: i.selector, context: i.context, message: i.message }));
      process.stdout.write(JSON.stringify({ url, issues }) + "\n");
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  process.stderr.write(`pa11y failed: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
