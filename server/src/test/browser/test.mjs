// Real-browser test of the Wiretrace web app: starts `wiretrace serve` on the examples, drives
// Debian's chromium headless with playwright-core (no browser download), checks the stories list,
// a story's provenance tree, the pair view's word-level highlights, the restore view, the check box, hostile article
// data, and saves screenshots at 1366x768 and 390x844. Exits 1 on the first failed assertion.
//
//   node test.mjs [--jar cli/target/wiretrace.jar] [--examples examples] [--out server/target/browser]
//                 [--chromium /usr/bin/chromium]
import {chromium} from 'playwright-core';
import {spawn} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? resolve(process.argv[i + 1]) : dflt;
};
const jar = arg('jar', join(root, 'cli/target/wiretrace.jar'));
const examples = arg('examples', join(root, 'examples'));
const out = arg('out', join(root, 'server/target/browser'));
const chromiumPath = arg('chromium', process.env.CHROMIUM || '/usr/bin/chromium');
mkdirSync(out, {recursive: true});

const work = mkdtempSync(join(tmpdir(), 'wiretrace-browser-'));
let server = null;
let context = null;

function startServer() {
  return new Promise((ok, fail) => {
    server = spawn('java', ['-Xmx512m', '-jar', jar, 'serve', examples, '--data', join(work, 'data'), '--port', '0'],
      {stdio: ['ignore', 'pipe', 'pipe'], detached: true});
    let seen = '';
    const timer = setTimeout(() => fail(new Error('server did not start in 60 s:\n' + seen)), 60000);
    server.stdout.on('data', d => {
      seen += d;
      const m = seen.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.stderr.on('data', d => { seen += d; });
    server.on('exit', code => { clearTimeout(timer); fail(new Error('server exited with ' + code + ':\n' + seen)); });
  });
}

function stopServer() {
  if (server && server.exitCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch (e) { /* already gone */ }
  }
}

const HOSTILE_TITLE = '<script>window.__xss = 1</script> Hostile <b>wire</b>';
const HOSTILE_TEXT = '<img src=x onerror="window.__xss = 2"> Harbour pilots in Norrvik walked out on Friday '
  + 'over <a href="javascript:window.__xss=3" onclick="window.__xss=4">night shifts</a>, halting the ferries.';

async function addHostile(base) {
  const res = await fetch(base + '/api/articles', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({id: 'hostile-<img src=x onerror=alert(1)>', title: HOSTILE_TITLE, text: HOSTILE_TEXT,
      source: '<svg onload="window.__xss=5">', published: '2026-03-03T09:00:00Z'})});
  assert.equal(res.status, 201, 'adding the hostile article');
}

const problems = [];
function watch(page) {
  page.on('pageerror', e => problems.push('page error: ' + e.message));
  page.on('console', m => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
  page.on('dialog', d => { problems.push('dialog opened: ' + d.message()); d.dismiss(); });
}

async function noXss(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script from article data ran');
  assert.equal(await page.locator('#app img, #app svg, #app script, #app b').count(), 0,
    'no element from article data');
}

async function noHorizontalScroll(page, width) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width + 1, `page fits ${width}px wide (scrollWidth ${sw})`);
}

let current = null;

async function flow(page, base, tag, width) {
  current = page;
  // stories list
  await page.goto(base + '/');
  await page.locator('.story-card').first().waitFor();
  assert.equal(await page.locator('.story-card').count(), 3, 'three stories (two from examples, one hostile)');
  const veradia = page.locator('.story-card', {hasText: 'Veradia approves'});
  assert.match(await veradia.textContent(), /7 articles/);
  assert.match(await veradia.textContent(), /2 text families/);
  assert.ok(await veradia.locator('.timeline .span').count() === 1, 'story has a timeline bar');
  await noHorizontalScroll(page, width);
  await page.screenshot({path: join(out, `stories-${tag}.png`), fullPage: false});

  // story view: provenance tree
  await veradia.locator('h2 a').click();
  await page.locator('ul.tree').first().waitFor();
  const original = page.locator('ul.tree .node.original').first();
  assert.match(await original.textContent(), /ORIGINAL/);
  const spun = page.locator('.node[data-relation="SPUN"]');
  assert.equal(await spun.count(), 1, 'one spun copy in the tree');
  assert.match(await spun.locator('.coverage').textContent(), /\d+% of its text from the source/);
  assert.ok(await page.locator('.node[data-relation="EXCERPT"]').count() === 1);
  assert.ok(await page.locator('.timeline.big .dot').count() >= 2, 'story timeline shows the dated articles');
  await noHorizontalScroll(page, width);
  await page.screenshot({path: join(out, `story-${tag}.png`), fullPage: true});

  // pair view of the spun copy: substitutions with original and replacement together
  await spun.locator('a.pair-link').click();
  await page.locator('#text-b .passage').first().waitFor();
  const sub = page.locator('#text-b .sub', {has: page.locator('del', {hasText: /^parliament$/})});
  assert.equal(await sub.count(), 1, '"parliament" shown substituted');
  assert.equal(await sub.locator('ins').textContent(), 'legislature', 'with its replacement');
  assert.ok(await page.locator('#text-b .sub').count() >= 10, 'many substitutions in a spun copy');
  assert.ok(await page.locator('#text-b ins:not(.sub ins)').count() >= 1, 'inserted words marked');
  assert.ok(await page.locator('#text-a .subst').count() >= 10, 'replaced words marked on the source side');
  assert.ok(await page.locator('#text-b .keep').count() >= 50, 'kept words');
  // linked passages
  const firstB = page.locator('#text-b .passage').first();
  await firstB.click();
  const k = await firstB.getAttribute('data-p');
  assert.match(await page.locator(`#text-a .passage[data-p="${k}"]`).getAttribute('class'), /linked/,
    'clicking a passage links its counterpart');
  await noHorizontalScroll(page, width);
  await page.screenshot({path: join(out, `pair-${tag}.png`), fullPage: false});

  // pair view of the edited copy: deletions and insertions
  await page.goto(base + '/#/story/' + encodeURIComponent('s-northwire-veradia-aid'));
  await page.locator('.node[data-relation="EDITED"] a.pair-link').click();
  await page.locator('#text-b .passage').first().waitFor();
  const dels = await page.locator('#text-b del:not(.sub del), #text-a del').count();
  const ins = await page.locator('#text-b ins:not(.sub ins)').count();
  assert.ok(dels + ins >= 1, 'an edited copy shows deleted or inserted words');

  // restore view of the spun copy: spun wording marked, the source's wording suggested
  await page.goto(base + '/#/story/' + encodeURIComponent('s-northwire-veradia-aid'));
  await page.locator('.node[data-relation="SPUN"] a', {hasText: 'restore wording'}).click();
  await page.locator('#restore-text .tortured').first().waitFor();
  const restored = page.locator('#restore-text .tortured', {has: page.locator('del', {hasText: /^legislature$/})});
  assert.equal(await restored.count(), 1, '"legislature" marked as spun');
  assert.equal(await restored.locator('ins').textContent(), 'parliament', 'with "parliament" suggested');
  assert.ok(!(await page.locator('#restore-text').textContent()).includes('null'), 'no stray text');
  await noHorizontalScroll(page, width);
  await page.screenshot({path: join(out, `restore-${tag}.png`), fullPage: false});

  // check an article: sources found, nothing added
  await page.goto(base + '/#/check');
  const spunText = readFileSync(join(examples, 'spun-copy.txt'), 'utf8');
  await page.locator('#check-text').fill(spunText);
  await page.locator('#check-run').click();
  await page.locator('#check-result table.matches').first().waitFor();
  assert.match(await page.locator('#check-result').textContent(), /Sources: it copies these/);
  assert.ok(await page.locator('#check-result a[href="#/article/northwire-veradia-aid"]').count() >= 1,
    'the original is found as a source');
  await page.locator('#check-result tr', {has: page.locator('a[href="#/article/northwire-veradia-aid"]')})
    .locator('button', {hasText: 'side by side'}).click();
  await page.locator('#check-pair #text-b .sub').first().waitFor();
  await page.screenshot({path: join(out, `check-${tag}.png`), fullPage: false});

  // hostile data is shown as text
  await page.goto(base + '/#/search/Hostile');
  await page.locator('.story-card').first().waitFor();
  assert.ok((await page.locator('.story-card h2').first().textContent()).includes('<script>'),
    'a hostile title is shown literally');
  await noXss(page);
  await page.locator('.story-card h2 a').first().click();
  await page.locator('ul.tree').first().waitFor();
  await noXss(page);
  await page.locator('ul.tree .node .title a').first().click();
  await page.locator('.text').first().waitFor();
  assert.ok((await page.locator('.text').first().textContent()).includes('<img src=x onerror='),
    'a hostile body is shown literally');
  await noXss(page);
}

let failed = false;
try {
  const base = await startServer();
  await addHostile(base);
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1366, height: 768},
  });
  const desktop = context.pages()[0] || await context.newPage();
  watch(desktop);
  await flow(desktop, base, '1366x768', 1366);
  const phone = await context.newPage();
  await phone.setViewportSize({width: 390, height: 844});
  watch(phone);
  await flow(phone, base, '390x844', 390);
  assert.deepEqual(problems, [], 'no script errors, CSP violations or dialogs');
  console.log('browser test passed; screenshots in ' + out);
} catch (e) {
  failed = true;
  console.error('browser test FAILED: ' + (e && e.stack ? e.stack : e));
  if (problems.length) console.error(problems.join('\n'));
  if (current) {
    await current.screenshot({path: join(out, 'failure.png')}).catch(() => {});
    console.error('page at failure: ' + current.url() + ' (screenshot failure.png)');
  }
} finally {
  if (context) await context.close().catch(() => {});
  stopServer();
  rmSync(work, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
