// The dashboard in a real browser: playwright-core drives Debian's headless Chromium
// (/usr/bin/chromium-headless-shell, installed by .ci/run) against kravmock listening on 127.0.0.1
// with one scenario at a fixed clock. The page must show the scenario, the party and its ledger as
// the ledger computes it, send a payment and advance the clock through its forms and show the
// result, show API calls in the journal as they happen, show and change one X-Kravmock-Session
// session picked in its session selector (every admin call then names the session), link to the
// contracts (/docs, /openapi.yaml), log no console error and ask nothing of any other host. A
// screenshot is saved as test-artifacts/dashboard.png (the folder ignores itself in git).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKravmock, type Kravmock } from '../../server/app.js';
import { addMonths } from '../../server/ledger/dates.js';
import { aapneKravView } from '../../server/ledger/views.js';
import { loadScenarioFiles } from '../../server/scenarios/load.js';
import { get, request } from '../helpers/contract-response.js';

export const CHROMIUM = '/usr/bin/chromium-headless-shell';
const MISSING = `${CHROMIUM} is missing: install Debian's headless Chromium with 'apt-get install -y --no-install-recommends chromium-headless-shell' (.ci/run does this)`;
const CLOCK = '2026-11-26';
const PARTY = '315830001';
const KID = '798440387012614';
const SESSION = 'dashboard-ci-1';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const SCREENSHOT = `${ARTIFACTS}dashboard.png`;

/** nb-NO formats 12500 as "12 500" with a no-break space; the test compares with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-').replace(/\s+/g, ' ').trim();
/** The page polls and refreshes within a second or two; a loaded CI machine may take longer. */
const PATIENCE = { timeout: 15_000 };
const nb = (n: number) => plain(new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n));
const scenario = () =>
  loadScenarioFiles([fileURLToPath(new URL('../../scenarios/enk-forskuddsskatt-fire-terminer.yaml', import.meta.url))], { defaultClock: CLOCK, fixedClock: CLOCK });

let browser: Browser | undefined;

// One browser for the file; without it every test fails with MISSING (none is skipped).
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function listen(kravmock: Kravmock): Promise<{ server: Server; origin: string }> {
  const server = createServer(kravmock.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the dashboard in headless Chromium', () => {
  let kravmock: Kravmock;
  let server: Server;
  let origin: string;
  let page: Page;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  /** The page's admin calls (not its own files): path and the X-Kravmock-Session header sent. */
  const adminCalls: { path: string; method: string; session: string | undefined }[] = [];

  beforeAll(async () => {
    if (!browser) return;
    kravmock = createKravmock({ scenarios: scenario(), clock: CLOCK, faultSeed: 7 });
    ({ server, origin } = await listen(kravmock));
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`)) foreignRequests.push(request.url());
      const url = new URL(request.url());
      if (url.pathname.startsWith('/__admin/') && !url.pathname.startsWith('/__admin/ui/')) {
        adminCalls.push({ path: `${url.pathname}${url.search}`, method: request.method(), session: request.headers()['x-kravmock-session'] });
      }
    });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** What the ledger itself says the party's totals are now (the number the page must show). */
  const totals = () => {
    const world = kravmock.runtime.sessions.shared.world;
    const ledger = world.parties.get(PARTY)!.ledger;
    return aapneKravView(ledger, { clock: addMonths(CLOCK, advancedMonths), rettighetspakke: 'regnskapssystem' }).totalOversikt!;
  };
  let advancedMonths = 0;
  const cell = (instalment: string, column: number) => page.locator(`tr[data-instalment="${instalment}"] td`).nth(column);

  it('opens at / and shows the scenario, its party and the party ledger as the ledger computes it', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${origin}/__admin/ui/`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const scenario = page.locator('.scenario').filter({ hasText: 'enk-forskuddsskatt-fire-terminer' });
    await expect.poll(() => scenario.count(), PATIENCE).toBe(1);
    expect(plain(await scenario.innerText())).toContain('FLITTIG LUN BJØRN KOPP');
    expect(plain(await page.locator('#clock-today').innerText())).toBe(CLOCK);

    // Keyboard: the first Tab reaches the skip link, with a visible focus ring; the party is a real
    // button, chosen here with Enter.
    await page.keyboard.press('Tab');
    // (Expressions as text: they run in the page, and this project's TypeScript has no DOM types.)
    expect(await page.evaluate('document.activeElement.textContent')).toBe("Skip to the party's ledger");
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    expect(Number.parseFloat(String(await page.evaluate('getComputedStyle(document.activeElement).outlineWidth')))).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: /FLITTIG LUN BJØRN KOPP/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => plain(await page.locator('#party-heading').innerText()), PATIENCE).toBe(`FLITTIG LUN BJØRN KOPP ${PARTY}`);
    expect(page.url()).toBe(`${origin}/__admin/ui/#party=${PARTY}`);

    // The claim and its four instalments; the third is 12 500 short and overdue.
    const claim = page.locator('tbody[data-claim="247870102"]');
    expect(plain(await claim.locator('.claim-row').innerText())).toContain('Utskrevet forskuddsskatt, person - 2026');
    expect(await claim.locator('tr.instalment-row').count()).toBe(4);
    expect(plain(await cell('459683696', 3).innerText())).toBe(nb(12_500));
    expect(plain(await cell('459683696', 1).innerText())).toBe('2026-09-15 overdue');
    expect(plain(await cell('459683696', 4).innerText())).toContain(KID);

    // The totals are the API's totalOversikt, the chart has a point per month end up to the clock.
    const before = totals();
    expect(plain(await page.locator('.total').filter({ hasText: 'sumForfalteKrav' }).locator('dd').innerText())).toBe(`${nb(before.sumForfalteKrav)} kr`);
    expect(plain(await page.locator('.total-saldo dd').innerText())).toBe(`${nb(before.saldo)} kr`);
    expect(await page.locator('#chart svg circle').count()).toBe(12); // the month ends from the first event (2025-12-03) to October, and the clock
    expect(plain(await page.locator('#chart desc').textContent())).toContain(`to ${CLOCK}`);
  }, 60_000);

  it('labels every form control and shows the Norwegian field names with English explanations', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const unlabelled = await page.evaluate(
      "[...document.querySelectorAll('input, select, textarea')].filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.id || el.outerHTML)",
    );
    expect(unlabelled).toEqual([]);
    expect(plain(await page.locator('#claims thead').innerText())).toContain('gjenstaaendeBeloep remaining amount');
    expect(await page.locator('#journal').getAttribute('aria-live')).toBe('polite');
  });

  it('sends a payment through the form and shows where the ledger placed it', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    await page.fill('#payment-amount', '5000');
    await page.selectOption('#payment-kid', KID);
    await page.click('#payment-submit');
    await expect.poll(async () => plain(await page.locator('#payment-result').innerText()), PATIENCE).toMatch(/^Payment \d+ of 5 000 kr on 2026-11-26: placed 5 000 kr on 459683696 \(247870102\); 0 kr unplaced\.$/);
    // The instalment it went to now has 7 500 left, and the new payment is listed with its placement.
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(7_500));
    const payment = page.locator('#payments tbody tr').first();
    expect(plain(await payment.innerText())).toContain(`2026-11-26 ${nb(-5000)} ${KID}`);
    expect(plain(await payment.innerText())).toContain(`459683696 (claim 247870102) ${nb(5000)} on 2026-11-26`);
    expect(plain(await page.locator('.total-saldo dd').innerText())).toBe(`${nb(totals().saldo)} kr`);
  }, 30_000);

  it('advances the clock through the form and shows the party at the new date', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    await page.fill('#advance-amount', '1');
    await page.selectOption('#advance-unit', 'months');
    await page.getByRole('button', { name: 'Advance' }).click();
    advancedMonths = 1;
    const next = addMonths(CLOCK, 1);
    await expect.poll(async () => plain(await page.locator('#clock-today').innerText()), PATIENCE).toBe(next);
    await expect.poll(async () => plain(await page.locator('#party-meta').innerText()), PATIENCE).toContain(`answered at ${next}`);
    // The fourth instalment (due 2026-12-15) is overdue now, and the totals follow.
    await expect.poll(async () => plain(await cell('459683738', 1).innerText()), PATIENCE).toBe('2026-12-15 overdue');
    expect(plain(await page.locator('.total-saldo dd').innerText())).toBe(`${nb(totals().saldo)} kr`);
  }, 30_000);

  it('shows API calls in the journal as they happen', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const path = `/v1/regnskapssystem/${PARTY}/aapnekrav`;
    const answer = await get(kravmock.app, path);
    expect(answer.status).toBe(200);
    const entry = page.locator('#journal li').filter({ hasText: path });
    await expect.poll(() => entry.count(), PATIENCE).toBe(1);
    expect(plain(await entry.locator('.status').innerText())).toBe('200');
  }, 30_000);

  it('shows and changes one X-Kravmock-Session session picked in the session selector, then the shared state again', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const header = { 'X-Kravmock-Session': SESSION };
    // The session starts with an API call naming it, and gets a payment of its own: the shared state
    // has the page's 5 000 (and is a month on); the session has the scenario as loaded, plus 2 000.
    const sessionCall = `/v1/regnskapssystem/${PARTY}/innbetalinger`;
    expect((await get(kravmock.app, `${sessionCall}?fraOgMed=2026-01-01`, header)).status).toBe(200);
    const posted = await request(kravmock.app, 'post', `/__admin/parties/${PARTY}/payments`, { headers: header, body: { beloep: 2000, kidnummer: KID } });
    expect(posted.status).toBe(201);
    const sessionPayment = (posted.body.event as { innbetalingsidentifikator: string }).innbetalingsidentifikator;
    const sessionTotals = () => {
      const ledger = kravmock.runtime.sessions.find(SESSION)!.world.parties.get(PARTY)!.ledger;
      return aapneKravView(ledger, { clock: CLOCK, rettighetspakke: 'regnskapssystem' }).totalOversikt!;
    };
    const sharedEvents = kravmock.runtime.sessions.shared.world.parties.get(PARTY)!.ledger.events.length;
    expect(sessionTotals().saldo).not.toBe(totals().saldo);

    // The selector lists it (refreshed when it gets focus, and every few seconds), labelled, and is
    // used with the keyboard: from the shared state, ArrowDown picks the first session.
    const select = page.getByLabel('State shown');
    expect(await select.getAttribute('id')).toBe('session-select');
    expect(await select.inputValue()).toBe('');
    await select.focus();
    const option = page.locator(`#session-select option[value="${SESSION}"]`);
    await expect.poll(async () => plain(await option.textContent()), PATIENCE).toBe(`${SESSION} (today ${CLOCK})`);
    const before = adminCalls.length;
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => select.inputValue(), PATIENCE).toBe(SESSION);

    // The page shows the session's state: its clock, its ledger (12 500 - 2 000 left on the third
    // instalment, against 7 500 shared), its payment, and its own journal.
    await expect.poll(async () => plain(await page.locator('#clock-today').innerText()), PATIENCE).toBe(CLOCK);
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(10_500));
    expect(plain(await page.locator('.total-saldo dd').innerText())).toBe(`${nb(sessionTotals().saldo)} kr`);
    expect(plain(await page.locator('#payments tbody tr').first().innerText())).toContain(`${sessionPayment} 2026-11-26 ${nb(-2000)} ${KID}`);
    await expect.poll(() => page.locator('#journal li').filter({ hasText: sessionCall }).count(), PATIENCE).toBe(1);
    expect(await page.locator('#journal li').filter({ hasText: `/v1/regnskapssystem/${PARTY}/aapnekrav` }).count()).toBe(0);
    expect(plain(await page.locator('#session-detail').innerText())).toBe(`1 party changed, 0 fault rules. Every call of this page sends X-Kravmock-Session: ${SESSION} (and so keeps the session alive).`);
    expect(await page.locator('#api-links-session').isVisible()).toBe(true);
    expect(page.url()).toBe(`${origin}/__admin/ui/#session=${SESSION}&party=${PARTY}`);

    // A change made in the page goes to the session only.
    await page.fill('#payment-amount', '500');
    await page.selectOption('#payment-kid', KID);
    await page.click('#payment-submit');
    await expect.poll(async () => plain(await page.locator('#payment-result').innerText()), PATIENCE).toMatch(/^Payment \d+ of 500 kr on 2026-11-26: placed 500 kr on 459683696/);
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(10_000));
    expect(kravmock.runtime.sessions.shared.world.parties.get(PARTY)!.ledger.events.length).toBe(sharedEvents);

    // Every admin call the page made in the session named it (the list of sessions is asked for
    // without: it is the same for every caller, and the header would bring back an ended session).
    const inSession = adminCalls.slice(before).filter((c) => !c.path.startsWith('/__admin/sessions'));
    expect(inSession.map((c) => c.path)).toEqual(expect.arrayContaining([`/__admin/parties/${PARTY}`, '/__admin/clock', '/__admin/scenarios', '/__admin/faults', `/__admin/parties/${PARTY}/payments`]));
    expect(inSession.filter((c) => c.session !== SESSION)).toEqual([]);
    expect(adminCalls.filter((c) => c.path.startsWith('/__admin/sessions') && c.session !== undefined)).toEqual([]);

    // Back to the shared state: its month-on clock and 7 500.
    await page.selectOption('#session-select', '');
    await expect.poll(async () => plain(await page.locator('#clock-today').innerText()), PATIENCE).toBe(addMonths(CLOCK, advancedMonths));
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(7_500));
    expect(page.url()).toBe(`${origin}/__admin/ui/#party=${PARTY}`);
    const last = adminCalls.at(-1)!;
    expect(last.session).toBeUndefined();
  }, 60_000);

  it('goes back to the shared state, saying so, when the session shown ends', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const other = 'dashboard-ci-2';
    expect((await get(kravmock.app, `/v1/regnskapssystem/${PARTY}/aapnekrav`, { 'X-Kravmock-Session': other })).status).toBe(200);
    await page.locator('#session-select').focus();
    await expect.poll(() => page.locator(`#session-select option[value="${other}"]`).count(), PATIENCE).toBe(1);
    await page.selectOption('#session-select', other);
    await expect.poll(async () => plain(await page.locator('#clock-today').innerText()), PATIENCE).toBe(CLOCK);
    expect((await request(kravmock.app, 'delete', `/__admin/sessions/${other}`)).status).toBe(204);
    await expect.poll(async () => plain(await page.locator('#notice').innerText()), PATIENCE).toBe(
      `Session ${other} has ended (ended through the admin API, or expired after being idle): showing the shared state.`,
    );
    expect(await page.locator('#session-select').inputValue()).toBe('');
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(7_500));
    // The first session again, as the screenshot shows it: its journal has its one API call, once
    // (the poll made on the change and the timer's may overlap).
    await page.selectOption('#session-select', SESSION);
    await expect.poll(async () => plain(await cell('459683696', 3).innerText()), PATIENCE).toBe(nb(10_000));
    await expect.poll(() => page.locator('#journal li').count(), PATIENCE).toBe(1);
    await page.waitForTimeout(2000);
    expect(await page.locator('#journal li').count()).toBe(1);
  }, 60_000);

  it('opens the session named in the address, and the shared state (saying so) for one that is not alive', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const other = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await other.goto(`${origin}/__admin/ui/#session=${SESSION}&party=${PARTY}`);
      await other.waitForSelector('body[data-ready="true"]');
      expect(await other.locator('#session-select').inputValue()).toBe(SESSION);
      expect(plain(await other.locator(`tr[data-instalment="459683696"] td`).nth(3).innerText())).toBe(nb(10_000));
      await other.goto(`${origin}/__admin/ui/#session=no-such-session&party=${PARTY}`);
      await other.reload();
      await other.waitForSelector('body[data-ready="true"]');
      expect(await other.locator('#session-select').inputValue()).toBe('');
      expect(plain(await other.locator('#notice').innerText())).toBe('Session no-such-session is not alive (ended, expired, or not started yet): showing the shared state.');
      expect(plain(await other.locator(`tr[data-instalment="459683696"] td`).nth(3).innerText())).toBe(nb(7_500));
      // Opening the page did not start the session.
      expect(kravmock.runtime.sessions.find('no-such-session')).toBeUndefined();
    } finally {
      await other.close();
    }
  }, 60_000);

  it('links to the Swagger UI at /docs and the contract at /openapi.yaml', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    const docs = page.getByRole('link', { name: 'API docs (Swagger UI)' });
    expect(await docs.isVisible()).toBe(true);
    expect(await docs.getAttribute('href')).toBe('/docs');
    const openapi = page.getByRole('link', { name: 'openapi.yaml', exact: true });
    expect(await openapi.isVisible()).toBe(true);
    expect(await openapi.getAttribute('href')).toBe('/openapi.yaml');
    expect(await page.getByRole('link', { name: 'admin-openapi.yaml' }).getAttribute('href')).toBe('/admin-openapi.yaml');
    const [docsPage, contractText] = await Promise.all([fetch(`${origin}/docs`), fetch(`${origin}/openapi.yaml`).then((r) => r.text())]);
    expect(docsPage.status).toBe(200);
    expect(await docsPage.text()).toContain('swagger-ui-bundle.js');
    expect(contractText).toMatch(/^openapi: 3\.1/m);
  });

  it('logged no console error, asked no other host, and leaves a screenshot', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    // The folder ignores itself, so artifacts never end up in a commit.
    writeFileSync(`${ARTIFACTS}.gitignore`, '*\n');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`dashboard screenshot: ${SCREENSHOT}`);
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});

describe('the dashboard on a kravmock with an admin token', () => {
  const TOKEN = 'dashboard-browser-token-0123456789';
  let server: Server;
  let origin: string;
  let page: Page;
  const adminCalls: { url: string; authorization: string | undefined }[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!browser) return;
    ({ server, origin } = await listen(createKravmock({ scenarios: scenario(), clock: CLOCK, admin: { token: TOKEN } })));
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/__admin/') && !request.url().includes('/__admin/ui/')) adminCalls.push({ url: request.url(), authorization: request.headers().authorization });
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('asks for the token when the admin API answers 401, keeps it in sessionStorage and sends it as Bearer', async () => {
    expect(existsSync(CHROMIUM), MISSING).toBe(true);
    await page.goto(`${origin}/__admin/ui/`);
    const dialog = page.locator('#token-dialog');
    await expect.poll(() => dialog.getAttribute('open'), PATIENCE).toBe('');
    expect(await page.evaluate('document.activeElement.id')).toBe('token-input');

    // A wrong token: the admin API refuses it and the page asks again, saying so.
    await page.fill('#token-input', 'not-the-token');
    await page.keyboard.press('Enter');
    await expect.poll(async () => plain(await page.locator('#token-error').innerText()), PATIENCE).toMatch(/^That token was not accepted: the admin token sent does not match/);
    expect(await dialog.getAttribute('open')).toBe('');

    await page.fill('#token-input', TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready="true"]');
    expect(await dialog.getAttribute('open')).toBeNull();
    expect(plain(await page.locator('.scenario').first().innerText())).toContain('FLITTIG LUN BJØRN KOPP');
    expect(await page.evaluate("sessionStorage.getItem('kravmock.adminToken')")).toBe(TOKEN);
    // Every admin call after the token was given carries it; the ones before were refused (401).
    const last = adminCalls.at(-1)!;
    expect(last.authorization).toBe(`Bearer ${TOKEN}`);
    expect(adminCalls.filter((c) => c.authorization === undefined).length).toBeGreaterThan(0);
    expect(consoleErrors.every((e) => e.includes('401'))).toBe(true);
  }, 30_000);
});
