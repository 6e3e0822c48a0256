// check-report.js FILE.html OUT: opens a class report in headless Chromium
// (Debian's, through playwright-core) as a trainer's browser would, and
// fails on any console error or warning, page error, or request for
// anything but the file itself: the page must be whole on its own. Writes
// OUT-screen.png (1280 wide, the whole page), OUT-print.png (the first A4
// page as printed) and OUT.pdf, and prints what the page holds as JSON.
const path = require('path');
const { chromium } = require('playwright-core');

(async () => {
	const [file, out] = process.argv.slice(2);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		       '--disable-background-networking', '--disable-component-update',
		       '--disable-sync'],
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const url = 'file://' + path.resolve(file);
	const problems = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning')
			problems.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('request', (r) => {
		if (r.url() !== url) problems.push(`request: ${r.url()}`);
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.screenshot({ path: `${out}-screen.png`, fullPage: true });
	const info = await page.evaluate(() => {
		const charts = [...document.querySelectorAll('svg[role=img]')];
		return {
			lang: document.documentElement.lang,
			title: document.title,
			modules: document.querySelectorAll('section.module').length,
			charts: charts.length,
			chartsWithoutText: charts.filter((s) => !s.querySelector('title') ||
				!s.querySelector('desc') || !s.closest('figure').querySelector('figcaption')).length,
			scripts: document.querySelectorAll('script').length,
			links: document.querySelectorAll('link, img, iframe, object').length,
			text: document.body.innerText,
		};
	});
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.screenshot({ path: `${out}-print.png` });
	await page.pdf({ path: `${out}.pdf`, format: 'A4', printBackground: true });
	await browser.close();
	console.log(JSON.stringify(info));
	if (problems.length) {
		console.error(problems.join('\n'));
		process.exit(1);
	}
})().catch((e) => {
	console.error(e);
	process.exit(2);
});
