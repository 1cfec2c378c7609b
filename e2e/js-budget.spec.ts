import { expect, test, type Page } from '@playwright/test';
import { kB, recordScripts, totals } from '../bench/lib/js-transfer.mjs';
import { JS_BUDGETS_KB as BUDGETS, JS_GOAL_KB } from './js-budgets';

/*
 * The JavaScript each page fetches until the network is idle, as transferred (gzip), against the
 * budget written beside it in js-budgets.ts. Bytes are deterministic, so this is a test; how long
 * they take is not, so nothing here is timed (`npm run bench:client` times them). Every script
 * counts, first-load chunks and those loaded right after hydration alike: only what loads when
 * asked (a dialog opened, the lab's options opened) stays outside, because it is never fetched here.
 */

/** Every script `path` fetches until the network has been quiet for a second; throws if over budget. */
async function expectWithinBudget(page: Page, path: string, budgetKB: number) {
  const cdp = await page.context().newCDPSession(page);
  const network = await recordScripts(cdp);
  await page.goto(path, { waitUntil: 'commit' });
  await network.idle(page);
  const scripts = network.scripts();
  const { bodyBytes, files, uncompressed } = totals(scripts);
  const list = scripts
    .sort((a, b) => b.bodyBytes - a.bodyBytes)
    .map((s) => `  ${kB(s.bodyBytes).toFixed(1).padStart(6)} kB  ${s.path}`)
    .join('\n');
  const goal = path === '/' && kB(bodyBytes) > JS_GOAL_KB ? `; issue 19's goal is ${JS_GOAL_KB} kB` : '';
  console.log(`${path}: ${kB(bodyBytes).toFixed(1)} kB of JavaScript (gzip, ${files} files), budget ${budgetKB} kB${goal}`);
  expect(uncompressed, `scripts of ${path} over 1 kB sent uncompressed`).toEqual([]);
  expect(
    kB(bodyBytes),
    `${path} fetched ${kB(bodyBytes).toFixed(1)} kB of JavaScript (gzip, ${files} files) until idle; its budget is ${budgetKB} kB:\n${list}`,
  ).toBeLessThanOrEqual(budgetKB);
}

for (const path of ['/', '/compare', '/room', '/join', '/embed'] as const) {
  test(`${path} fetches no more JavaScript than its budget until the network is idle`, async ({ page }) => {
    await expectWithinBudget(page, path, BUDGETS[path]);
  });
}

test('a room’s presenter page and a student’s page each stay within their budgets', async ({ browser }) => {
  const presenter = await (await browser.newContext()).newPage();
  await presenter.goto('/room');
  await presenter.getByRole('button', { name: 'Open a room' }).click();
  await expect(presenter).toHaveURL(/\/room\/[A-Z0-9]{6}$/);
  const code = presenter.url().split('/').at(-1)!;

  // The presenter's own page, loaded afresh (the browser's cache is off while counting). Left first
  // for a blank page, so no script the room's page was still fetching is counted, or waited for: a
  // request cut by the navigation may never report its end (CI timed out on two such chunks).
  await presenter.goto('about:blank');
  await expectWithinBudget(presenter, `/room/${code}`, BUDGETS['/room/{code}']);
  const student = await (await browser.newContext()).newPage();
  await expectWithinBudget(student, `/join/${code}`, BUDGETS['/join/{code}']);
});
