// The kravmock dashboard. Everything it shows comes from the admin API of the kravmock that served
// it: the scenarios (GET /__admin/scenarios), one party's ledger as the ledger's replay derives it
// (GET /__admin/parties/{id}), the clock, the fault rules and the request journal (polled every
// second with `since=<newest id>`). The page computes no ledger figure itself. It shows the shared
// state, or one X-Kravmock-Session session picked from GET /__admin/sessions: then every one of
// those calls names the session, and shows and changes its state.
/* global document, history, location, window, setTimeout, clearTimeout, URLSearchParams */ // browser globals (this file runs in the page, not in Node)
import { admin, SESSION_HEADER, setSession, waitingForToken } from './api.js';
import { renderChart } from './chart.js';
import { amountCell, field, fill, h, nok } from './dom.js';

const JOURNAL_POLL_MS = 1000;
const CLOCK_POLL_MS = 5000;
const JOURNAL_KEEP = 200;
const ROW_LIMIT = 150;

const $ = (id) => document.getElementById(id);

const state = {
  /** The session shown (undefined: the shared state), and when it was made, to notice it ending. */
  session: undefined,
  sessionCreatedAt: undefined,
  sessions: [],
  /** Counts scope changes: an answer asked for before the latest change is dropped, not shown. */
  generation: 0,
  scenarios: [],
  partyId: undefined,
  party: undefined,
  clockToday: undefined,
  newestJournalId: 0,
  journalCount: 0,
  showAllClaims: false,
};

// ---------------------------------------------------------------------------------------------
// Messages

function notify(message, kind = 'info') {
  const el = $('notice');
  el.textContent = message;
  el.className = `notice notice-${kind}`;
}

function describeError(error) {
  const problems = error.problems?.length ? ` ${error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` : '';
  return `${error.message}${problems && !error.message.includes(problems.trim()) ? problems : ''}`;
}

function showResult(el, message, kind) {
  el.textContent = message;
  el.className = `result result-${kind}`;
}

// ---------------------------------------------------------------------------------------------
// Clock

function renderClock(clock) {
  state.clockToday = clock.today;
  $('clock-today').textContent = clock.today;
  $('clock-today').setAttribute('datetime', clock.today);
  const parts = [];
  if (clock.fixed) parts.push(`fixed at ${clock.fixed}`);
  else parts.push(`real date ${clock.serverToday}`);
  if (clock.offsetDays !== 0) parts.push(`${clock.offsetDays > 0 ? '+' : ''}${clock.offsetDays} days advanced`);
  $('clock-detail').textContent = parts.join(' · ');
}

async function loadClock() {
  const generation = state.generation;
  const clock = await admin('GET', '/__admin/clock');
  if (generation !== state.generation) return false;
  const changed = state.clockToday !== undefined && clock.today !== state.clockToday;
  renderClock(clock);
  return changed;
}

async function advanceClock(event) {
  event.preventDefault();
  const amount = Number($('advance-amount').value);
  const unit = $('advance-unit').value;
  try {
    const clock = await admin('POST', '/__admin/clock/advance', { [unit]: amount });
    renderClock(clock);
    notify(`The clock moved ${amount} ${Math.abs(amount) === 1 ? unit.slice(0, -1) : unit}: today is ${clock.today}.`, 'success');
    await Promise.all([loadScenarios(), state.partyId ? loadParty(state.partyId) : null]);
  } catch (error) {
    notify(`The clock did not move: ${describeError(error)}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios and parties

function matches(scenario, party, filter) {
  if (!filter) return true;
  const text = `${scenario.name} ${scenario.description} ${party.navn} ${party.partIdentifikator} ${(party.tilknyttedeParter ?? []).join(' ')}`.toLowerCase();
  return text.includes(filter);
}

function renderScenarios() {
  const filter = $('scenario-filter').value.trim().toLowerCase();
  const list = $('scenario-list');
  let shown = 0;
  const items = state.scenarios.map((scenario) => {
    const parties = scenario.parties.filter((p) => matches(scenario, p, filter));
    if (parties.length === 0) return null;
    shown += 1;
    return h(
      'li',
      { class: 'scenario' },
      h('h3', { class: 'scenario-name' }, h('code', {}, scenario.name)),
      h('p', { class: 'scenario-description' }, scenario.description),
      h('p', { class: 'scenario-clock muted small' }, `answered at ${scenario.answeredAt}${scenario.ownClock ? ` (own clock ${scenario.ownClock})` : ''}`),
      h(
        'ul',
        { class: 'party-list' },
        parties.map((p) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'party-button',
                'data-party': p.partIdentifikator,
                'aria-current': p.partIdentifikator === state.partyId ? 'true' : undefined,
                onclick: () => selectParty(p.partIdentifikator),
              },
              h('span', { class: 'party-button-name', lang: 'nb' }, p.navn),
              h('span', { class: 'party-button-id' }, p.partIdentifikator),
              h('span', { class: 'party-button-counts' }, `${p.krav} krav · ${p.innbetalinger} innbetalinger · ${p.utbetalinger} utbetalinger`),
            ),
          ),
        ),
      ),
    );
  });
  fill(list, items);
  const parties = state.scenarios.reduce((n, s) => n + s.parties.length, 0);
  $('scenario-count').textContent = filter
    ? `${shown} of ${state.scenarios.length} scenarios match.`
    : `${state.scenarios.length} scenarios, ${parties} parties loaded.`;
}

async function loadScenarios() {
  const generation = state.generation;
  const { scenarios } = await admin('GET', '/__admin/scenarios');
  if (generation !== state.generation) return;
  state.scenarios = scenarios;
  renderScenarios();
}

// ---------------------------------------------------------------------------------------------
// One party

function apiLink(id, resource, party) {
  const link = $(`link-${resource}`);
  const base = `/v1/regnskapssystem/${party.partIdentifikator}/${resource}`;
  if (resource === 'aapnekrav') {
    link.href = base;
  } else {
    // The period endpoints take at most one year: the year up to the party's clock.
    const [y, m, d] = party.answeredAt.split('-').map(Number);
    const from = new Date(Date.UTC(y - 1, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
    link.href = `${base}?fraOgMed=${from}&tilOgMed=${party.answeredAt}`;
  }
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener');
}

function renderTotals(totals) {
  const order = ['sumForfalteKrav', 'sumIkkeForfalteKrav', 'sumStipulerteRenter', 'sumUplasserteInnbetalinger', 'saldo'];
  fill(
    $('totals'),
    order.map((name) =>
      h('div', { class: `total${name === 'saldo' ? ' total-saldo' : ''}${name === 'sumForfalteKrav' && totals[name] > 0 ? ' total-overdue' : ''}` }, h('dt', {}, field(name, undefined, { breakable: true })), h('dd', {}, `${nok(totals[name])} kr`)),
    ),
  );
}

function renderChartTable(points) {
  const names = ['dato', 'saldo', 'sumForfalteKrav', 'sumIkkeForfalteKrav', 'sumStipulerteRenter', 'sumUplasserteInnbetalinger'];
  fill(
    $('chart-table'),
    h(
      'table',
      { class: 'data compact' },
      h('caption', { class: 'visually-hidden' }, 'totalOversikt at each point of the chart'),
      h('thead', {}, h('tr', {}, names.map((n) => h('th', { scope: 'col', class: n === 'dato' ? '' : 'num' }, field(n))))),
      h(
        'tbody',
        {},
        [...points].reverse().map((p) => h('tr', {}, h('th', { scope: 'row' }, p.dato), names.slice(1).map((n) => amountCell(p[n])))),
      ),
    ),
  );
}

function instalmentStatus(f, answeredAt) {
  if (f.gjenstaaendeBeloep === 0) return h('span', { class: 'badge badge-paid' }, 'settled');
  if (f.gjenstaaendeBeloep < 0) return h('span', { class: 'badge badge-credit' }, 'credit');
  if (f.forfallsdato < answeredAt) return h('span', { class: 'badge badge-overdue' }, 'overdue');
  return h('span', { class: 'badge badge-due' }, 'not yet due');
}

function placements(f) {
  const items = [
    ...f.plassertInnbetaling.map((p) => h('li', {}, h('span', { class: 'tag' }, 'payment'), ` ${p.innbetalingsIdentifikator} `, h('span', { class: 'num-inline' }, nok(p.plassertBeloep)), p.plassertDato ? h('span', { class: 'muted' }, ` on ${p.plassertDato}`) : null)),
    ...f.plassertMotkrav.map((p) => h('li', {}, h('span', { class: 'tag' }, 'set-off'), ` ${p.kravforfallsIdentifikator} `, h('span', { class: 'num-inline' }, nok(p.plassertBeloep)), p.plassertDato ? h('span', { class: 'muted' }, ` on ${p.plassertDato}`) : null)),
    ...f.plassertUtbetaling.map((p) => h('li', {}, h('span', { class: 'tag' }, 'payout'), ` ${p.utbetalingsidentifikator} `, h('span', { class: 'num-inline' }, nok(p.plassertBeloep)), h('span', { class: 'muted' }, ` on ${p.plassertDato}`))),
  ];
  return items.length ? h('ul', { class: 'placements' }, items) : h('span', { class: 'muted' }, '—');
}

function renderClaims(party) {
  const filter = $('claims-filter').value;
  const all = [...party.krav].reverse(); // newest first
  const claims = filter === 'open' ? all.filter((k) => k.gjenstaaendeBeloep !== 0) : all;
  const shown = state.showAllClaims ? claims : claims.slice(0, ROW_LIMIT);
  const container = $('claims');
  if (claims.length === 0) {
    fill(container, h('p', { class: 'muted' }, filter === 'open' ? 'No open claims.' : 'No claims raised by the clock.'));
    return;
  }
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { scope: 'col' }, field('kravidentifikator'), h('br'), field('kravforfallsIdentifikator')),
      h('th', { scope: 'col' }, field('kravbeskrivelse'), h('br'), field('forfallsdato')),
      h('th', { scope: 'col', class: 'num' }, field('opprinneligBeloep')),
      h('th', { scope: 'col', class: 'num' }, field('gjenstaaendeBeloep')),
      h('th', { scope: 'col' }, field('kidnummer', 'KID'), h('br'), field('kontonummer')),
      h('th', { scope: 'col' }, 'Placed on it', h('span', { class: 'en' }, 'payments, set-offs, payouts')),
    ),
  );
  const bodies = shown.map((k) =>
    h(
      'tbody',
      { class: `claim${k.gjenstaaendeBeloep === 0 ? ' claim-settled' : ''}`, 'data-claim': k.kravidentifikator },
      h(
        'tr',
        { class: 'claim-row' },
        h(
          'th',
          { scope: 'rowgroup', colspan: 2, class: 'claim-head' },
          h('span', { class: 'claim-id' }, k.kravidentifikator),
          ' ',
          h('span', { class: 'claim-text', lang: 'nb' }, k.kravbeskrivelse),
        ),
        amountCell(k.opprinneligBeloep),
        h(
          'td',
          { class: `num${k.gjenstaaendeBeloep < 0 ? ' negative' : ''}` },
          h('strong', {}, nok(k.gjenstaaendeBeloep)),
          k.stipulerteRenter !== undefined ? h('span', { class: 'claim-meta' }, h('code', { lang: 'nb' }, 'stipulerteRenter'), ` ${nok(k.stipulerteRenter)}`) : null,
        ),
        h(
          'td',
          { colspan: 2, class: 'claim-info' },
          h('code', { lang: 'nb' }, 'kravtype'),
          ` ${k.kravtype} · `,
          h('code', { lang: 'nb' }, 'kravgruppe'),
          ` ${k.kravgruppe} · raised ${k.opprettelsesdatoForKrav} · ${k.reskontro === 'mva' ? 'VAT ledger' : 'tax ledger'}`,
          k.partIdentifikator !== party.partIdentifikator ? ` · on ${k.partIdentifikator}` : '',
          k.hovedstolKravidentifikator ? ` · interest on ${k.hovedstolKravidentifikator}` : '',
        ),
      ),
      k.kravforfall.map((f) =>
        h(
          'tr',
          { class: 'instalment-row', 'data-instalment': f.kravforfallsIdentifikator },
          h('td', { class: 'instalment-id' }, h('span', { 'aria-hidden': 'true', class: 'indent' }, '↳ '), f.kravforfallsIdentifikator),
          h('td', { class: 'nowrap' }, h('time', { datetime: f.forfallsdato }, f.forfallsdato), ' ', instalmentStatus(f, party.answeredAt)),
          amountCell(f.opprinneligBeloep),
          amountCell(f.gjenstaaendeBeloep),
          h('td', { class: 'mono payment-info' }, f.kidnummer ?? h('span', { class: 'muted' }, 'no KID'), h('br'), h('span', { class: 'muted' }, f.kontonummer ?? '')),
          h('td', {}, placements(f)),
        ),
      ),
    ),
  );
  const more =
    claims.length > shown.length
      ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => ((state.showAllClaims = true), renderClaims(party)) }, `Show all ${claims.length} claims`)
      : null;
  fill(
    container,
    h('table', { class: 'data claims-table' }, h('caption', { class: 'visually-hidden' }, `Claims of ${party.navn}, newest first, each with its instalments`), head, bodies),
    h('p', { class: 'muted small' }, `${shown.length} of ${claims.length} claims shown, newest first.`),
    more,
  );
}

function renderPayments(party) {
  const container = $('payments');
  const payments = [...party.innbetalinger].reverse();
  if (payments.length === 0) {
    fill(container, h('p', { class: 'muted' }, 'No payments received by the clock.'));
    return;
  }
  const shown = payments.slice(0, ROW_LIMIT);
  const names = ['innbetalingsidentifikator', 'innbetalingsdato', 'innbetaltBeloep', 'kidnummer', 'kontoeiersNavn', 'plassertKrav', 'uplassertBeloep'];
  const numeric = new Set(['innbetaltBeloep', 'uplassertBeloep']);
  fill(
    container,
    h(
      'table',
      { class: 'data payments-table' },
      h('caption', { class: 'visually-hidden' }, `Payments of ${party.navn}, newest first`),
      h('thead', {}, h('tr', {}, names.map((n) => h('th', { scope: 'col', class: numeric.has(n) ? 'num' : '' }, field(n))))),
      h(
        'tbody',
        {},
        shown.map((p) =>
          h(
            'tr',
            { class: p.uplassertBeloep !== 0 ? 'unplaced' : '', 'data-payment': p.innbetalingsidentifikator },
            h('th', { scope: 'row', class: 'mono' }, p.innbetalingsidentifikator),
            h('td', {}, h('time', { datetime: p.innbetalingsdato }, p.innbetalingsdato)),
            amountCell(p.innbetaltBeloep),
            h('td', { class: 'mono' }, p.kidnummer ?? h('span', { class: 'muted' }, 'no KID')),
            h('td', { lang: 'nb', class: 'payer' }, p.kontoeiersNavn ?? ''),
            h(
              'td',
              { class: 'placed' },
              p.plassertKrav.length || p.plassertUtbetaling.length
                ? h('ul', { class: 'placements' }, [
                    ...p.plassertKrav.map((k) => h('li', {}, `${k.kravforfallIdentifikator} `, k.kravidentifikator !== k.kravforfallIdentifikator ? h('span', { class: 'muted' }, `(claim ${k.kravidentifikator}) `) : null, h('span', { class: 'num-inline' }, nok(k.plassertBeloep)), k.plassertDato ? h('span', { class: 'muted' }, ` on ${k.plassertDato}`) : null)),
                    ...p.plassertUtbetaling.map((u) => h('li', {}, h('span', { class: 'tag' }, 'paid back'), ` ${u.utbetalingsidentifikator} `, h('span', { class: 'num-inline' }, nok(u.utbetaltBeloep)), h('span', { class: 'muted' }, ` on ${u.utbetaltdato}`))),
                  ])
                : h('span', { class: 'muted' }, 'not placed'),
            ),
            h('td', { class: 'num' }, p.uplassertBeloep !== 0 ? h('span', { class: 'badge badge-unplaced' }, `${nok(p.uplassertBeloep)} unplaced`) : nok(0)),
          ),
        ),
      ),
    ),
    payments.length > shown.length ? h('p', { class: 'muted small' }, `The newest ${shown.length} of ${payments.length} payments.`) : null,
  );
}

function renderPayouts(party) {
  const container = $('payouts');
  const payouts = [...party.utbetalinger].reverse();
  if (payouts.length === 0) {
    fill(container, h('p', { class: 'muted' }, 'No payouts made by the clock.'));
    return;
  }
  const names = ['utbetalingsidentifikator', 'utbetaltdato', 'utbetaltBeloep', 'utbetalingstatus', 'kreditKrav', 'tilbakebetalingAv'];
  fill(
    container,
    h(
      'table',
      { class: 'data payouts-table' },
      h('caption', { class: 'visually-hidden' }, `Payouts to ${party.navn}, newest first`),
      h('thead', {}, h('tr', {}, names.map((n) => h('th', { scope: 'col', class: n === 'utbetaltBeloep' ? 'num' : '' }, field(n))))),
      h(
        'tbody',
        {},
        payouts.slice(0, ROW_LIMIT).map((u) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'mono' }, u.utbetalingsidentifikator),
            h('td', {}, u.utbetaltdato),
            amountCell(u.utbetaltBeloep),
            h('td', {}, u.utbetalingstatus ?? ''),
            h('td', {}, u.kreditKrav.length ? h('ul', { class: 'placements' }, u.kreditKrav.map((k) => h('li', {}, `${k.kravforfallidentifikator} `, h('span', { class: 'num-inline' }, nok(k.utbetaltBeloep))))) : h('span', { class: 'muted' }, '—')),
            h('td', {}, u.tilbakebetalingAv.length ? h('ul', { class: 'placements' }, u.tilbakebetalingAv.map((t) => h('li', {}, `${t.innbetalingsIdentifikator} `, h('span', { class: 'num-inline' }, nok(t.utbetaltBeloep))))) : h('span', { class: 'muted' }, '—')),
          ),
        ),
      ),
    ),
  );
}

function renderPending(party) {
  $('pending-panel').hidden = party.pendingEvents.length === 0;
  fill(
    $('pending'),
    party.pendingEvents.map((e) => h('li', {}, h('time', { datetime: e.date }, e.date), ' ', h('code', {}, e.type), e.id ? ` ${e.id}` : '')),
  );
}

function renderPaymentForm(party) {
  $('payment-party').textContent = `For ${party.navn} (${party.partIdentifikator}), dated today in its clock (${party.answeredAt}) unless you give a date.`;
  $('payment-submit').disabled = false;
  const select = $('payment-kid');
  const previous = select.value;
  const seen = new Map();
  for (const k of party.krav) {
    for (const f of k.kravforfall) {
      if (!f.kidnummer || f.gjenstaaendeBeloep <= 0) continue;
      const entry = seen.get(f.kidnummer) ?? { remaining: 0, claim: k, first: f.forfallsdato };
      entry.remaining += f.gjenstaaendeBeloep;
      if (f.forfallsdato < entry.first) entry.first = f.forfallsdato;
      seen.set(f.kidnummer, entry);
    }
  }
  fill(
    select,
    h('option', { value: '' }, 'No KID (stays unplaced)'),
    [...seen.entries()]
      .sort((a, b) => (a[1].first < b[1].first ? -1 : 1))
      .map(([kid, e]) => h('option', { value: kid }, `${kid} — ${e.claim.kravbeskrivelse}, ${nok(Math.round(e.remaining * 100) / 100)} kr open`)),
  );
  if ([...select.options].some((o) => o.value === previous)) select.value = previous;
}

function renderParty(party) {
  state.party = party;
  $('party-empty').hidden = true;
  $('party').hidden = false;
  $('party-ledger').hidden = false;
  $('party-scenario').textContent = party.scenario;
  $('party-name').textContent = party.navn;
  $('party-id').textContent = party.partIdentifikator;
  const meta = [`answered at ${party.answeredAt}`];
  if (party.tilknyttedeParter?.length) meta.push(`owner's claims on ${party.tilknyttedeParter.join(', ')}`);
  if (party.skjermet) meta.push('skjermet (protected address)');
  meta.push(`${party.krav.length} krav, ${party.innbetalinger.length} innbetalinger, ${party.utbetalinger.length} utbetalinger`);
  $('party-meta').textContent = meta.join(' · ');
  for (const r of ['aapnekrav', 'krav', 'innbetalinger', 'utbetalinger']) apiLink(r, r, party);
  renderTotals(party.totalOversikt);
  renderChart($('chart'), party.balanceOverTime.points, { stepMonths: party.balanceOverTime.stepMonths });
  renderChartTable(party.balanceOverTime.points);
  renderClaims(party);
  renderPayments(party);
  renderPayouts(party);
  renderPending(party);
  renderPaymentForm(party);
}

async function loadParty(id) {
  const generation = state.generation;
  const party = await admin('GET', `/__admin/parties/${encodeURIComponent(id)}`);
  if (state.partyId === id && generation === state.generation) renderParty(party);
}

/** No party shown (none picked, or the scope shown has no such party). */
function clearParty() {
  state.partyId = undefined;
  state.party = undefined;
  $('party-empty').hidden = false;
  $('party').hidden = true;
  $('party-ledger').hidden = true;
  $('payment-party').textContent = 'Pick a party first.';
  $('payment-submit').disabled = true;
  for (const button of document.querySelectorAll('.party-button')) button.removeAttribute('aria-current');
}

/** The address keeps the session and the party: `#party=313367002`, `#session=ci-42&party=313367002`. */
function rememberInAddress() {
  const params = new URLSearchParams();
  if (state.session) params.set('session', state.session);
  if (state.partyId) params.set('party', state.partyId);
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

async function selectParty(id) {
  if (state.partyId !== id) state.showAllClaims = false;
  state.partyId = id;
  rememberInAddress();
  for (const button of document.querySelectorAll('.party-button')) {
    if (button.dataset.party === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  try {
    await loadParty(id);
    notify(`Showing ${state.party.navn} (${id}).`);
  } catch (error) {
    notify(`Could not load party ${id}: ${describeError(error)}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Payment

async function sendPayment(event) {
  event.preventDefault();
  const result = $('payment-result');
  if (!state.partyId) return;
  const body = { beloep: Number($('payment-amount').value) };
  const kid = $('payment-kid').value;
  if (kid) body.kidnummer = kid;
  const date = $('payment-date').value.trim();
  if (date) body.date = date;
  try {
    const answer = await admin('POST', `/__admin/parties/${encodeURIComponent(state.partyId)}/payments`, body);
    const placed = answer.placement.placed.map((p) => `${nok(p.beloep)} kr on ${p.kravforfallsIdentifikator} (${p.kravidentifikator})`);
    const where = placed.length ? `placed ${placed.join(', ')}` : 'not placed';
    showResult(
      result,
      `Payment ${answer.event.innbetalingsidentifikator} of ${nok(answer.event.beloep)} kr on ${answer.event.date}: ${where}; ${nok(answer.placement.unplaced)} kr unplaced.${answer.pending ? ' It is dated after the clock: the API shows it once the clock gets there.' : ''}`,
      'success',
    );
    await Promise.all([loadParty(state.partyId), loadScenarios()]);
  } catch (error) {
    showResult(result, `Refused: ${describeError(error)}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Faults

function describeRule(rule) {
  const parts = [];
  if (rule.failure) parts.push(rule.failure.type === 'error' ? `500 ${rule.failure.kode}` : rule.failure.type);
  if (rule.latency) parts.push(rule.latency.distribution === 'fixed' ? `delay ${rule.latency.ms} ms` : `${rule.latency.distribution} delay`);
  parts.push(rule.endpoint ?? 'every endpoint');
  parts.push(rule.partIdentifikator ?? 'every party');
  if (rule.probability !== 1) parts.push(`p=${rule.probability}`);
  return parts.join(' · ');
}

async function loadFaults() {
  const generation = state.generation;
  const { rules } = await admin('GET', '/__admin/faults');
  if (generation !== state.generation) return;
  const list = $('fault-list');
  if (rules.length === 0) {
    fill(list, h('li', { class: 'muted small' }, 'None: the API answers normally.'));
    return;
  }
  fill(
    list,
    rules.map((rule) =>
      h(
        'li',
        { class: 'fault' },
        h('span', {}, h('code', {}, rule.id), ' ', describeRule(rule), h('span', { class: 'muted small' }, ` — matched ${rule.matched}, fired ${rule.fired}`)),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-small button-secondary',
            'aria-label': `Remove fault rule ${rule.id}`,
            onclick: async () => {
              try {
                await admin('DELETE', `/__admin/faults/${encodeURIComponent(rule.id)}`);
                showResult($('fault-result'), `Fault rule ${rule.id} removed.`, 'success');
              } catch (error) {
                showResult($('fault-result'), `Not removed: ${describeError(error)}`, 'error');
              }
              await loadFaults();
            },
          },
          'Remove',
        ),
      ),
    ),
  );
}

async function addFault(event) {
  event.preventDefault();
  const result = $('fault-result');
  const choice = $('fault-failure').value;
  const rule = { probability: Number($('fault-probability').value) };
  if (choice === 'KB-001' || choice === 'KB-002') rule.failure = { type: 'error', kode: choice };
  else if (choice !== 'latency') rule.failure = { type: choice };
  const latency = $('fault-latency').value.trim();
  if (latency !== '') rule.latency = { distribution: 'fixed', ms: Number(latency) };
  const endpoint = $('fault-endpoint').value;
  if (endpoint) rule.endpoint = endpoint;
  if ($('fault-party-only').checked && state.partyId) rule.partIdentifikator = state.partyId;
  try {
    const stored = await admin('POST', '/__admin/faults', rule);
    showResult(result, `Fault rule ${stored.id} set: ${describeRule(stored)}.`, 'success');
  } catch (error) {
    showResult(result, `Refused: ${describeError(error)}`, 'error');
  }
  await loadFaults();
}

// ---------------------------------------------------------------------------------------------
// Journal

function statusClass(status) {
  if (status === null) return 'status-closed';
  return `status-${String(status)[0]}xx`;
}

function journalItem(entry) {
  const time = entry.time.slice(11, 19);
  const query = Object.entries(entry.query ?? {})
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
    .join('&');
  return h(
    'li',
    { class: 'journal-entry', 'data-id': entry.id },
    h('span', { class: `status ${statusClass(entry.status)}` }, entry.status === null ? 'closed' : String(entry.status)),
    h(
      'span',
      { class: 'journal-main' },
      h('span', { class: 'journal-path' }, h('span', { class: 'method' }, entry.method), ' ', entry.path, query ? h('span', { class: 'muted' }, `?${query}`) : null),
      h(
        'span',
        { class: 'journal-meta' },
        h('time', { datetime: entry.time }, time),
        ` · ${entry.durationMs} ms`,
        entry.kode ? ` · ${entry.kode}` : '',
        entry.fault ? ` · ${entry.fault}` : '',
        entry.access?.outcome ? ` · access ${entry.access.outcome}` : '',
        entry.violationCount ? ` · ${entry.violationCount} contract violation${entry.violationCount === 1 ? '' : 's'}` : '',
      ),
      entry.melding ? h('span', { class: 'journal-melding', lang: 'nb' }, entry.melding) : null,
    ),
  );
}

async function pollJournal() {
  const generation = state.generation;
  const since = state.newestJournalId > 0 ? `?since=${state.newestJournalId}` : '';
  const page = await admin('GET', `/__admin/journal${since}`);
  if (generation !== state.generation) return false;
  const list = $('journal');
  if (page.capacity === 0) {
    $('journal-state').textContent = 'The journal is off (kravmock runs with --journal-size 0).';
    return false;
  }
  // Two polls may overlap (a scope change polls at once, beside the timer's): each entry is shown once.
  const entries = page.entries.filter((e) => e.id > state.newestJournalId);
  if (entries.length === 0) return false;
  state.newestJournalId = Math.max(state.newestJournalId, ...entries.map((e) => e.id));
  // Entries come newest first; the list is newest first too.
  list.prepend(...entries.map(journalItem));
  while (list.children.length > JOURNAL_KEEP) list.lastElementChild.remove();
  state.journalCount += entries.length;
  $('journal-state').textContent = `${list.children.length} newest calls ${state.session ? `of session ${state.session} ` : ''}shown (${page.size} in the journal${page.dropped ? `, ${page.dropped} dropped` : ''}); updated every second.`;
  return true;
}

function clearJournal() {
  state.newestJournalId = 0;
  state.journalCount = 0;
  fill($('journal'));
  $('journal-state').textContent = state.session
    ? `Every API call kravmock answers in session ${state.session} (sent with ${SESSION_HEADER}: ${state.session}), newest first, updated every second.`
    : 'Every API call kravmock answers in the shared state (sent without a session), newest first, updated every second.';
}

// ---------------------------------------------------------------------------------------------
// Sessions: the shared state, or one X-Kravmock-Session session

function sessionCounts(s) {
  const changed = `${s.changedParties} ${s.changedParties === 1 ? 'party' : 'parties'} changed`;
  return `${changed}, ${s.faults} fault ${s.faults === 1 ? 'rule' : 'rules'}`;
}

function renderSessions() {
  const select = $('session-select');
  const wanted = [['', 'Shared state (no session)'], ...state.sessions.map((s) => [s.id, `${s.id} (today ${s.answeredAt})`])];
  const current = [...select.options].map((o) => [o.value, o.textContent]);
  // Rebuilt only when something changed, so an open list is not disturbed every few seconds.
  if (JSON.stringify(current) !== JSON.stringify(wanted)) {
    fill(
      select,
      wanted.map(([value, label]) => h('option', { value }, label)),
    );
  }
  select.value = state.session ?? '';
  const shown = state.sessions.find((s) => s.id === state.session);
  $('session-detail').textContent = shown
    ? `${sessionCounts(shown)}. Every call of this page sends ${SESSION_HEADER}: ${shown.id} (and so keeps the session alive).`
    : `${state.sessions.length} ${state.sessions.length === 1 ? 'session' : 'sessions'} alive (${SESSION_HEADER}).`;
}

/** Lists the live sessions; if the one shown has ended (or ended and started afresh), goes back to the shared state. */
async function loadSessions() {
  const { sessions } = await admin('GET', '/__admin/sessions', undefined, { withoutSession: true });
  state.sessions = sessions;
  if (state.session) {
    const shown = sessions.find((s) => s.id === state.session);
    if (!shown || (state.sessionCreatedAt !== undefined && shown.createdAt !== state.sessionCreatedAt)) {
      const ended = state.session;
      await selectScope(undefined, { quiet: true });
      notify(`Session ${ended} has ended (ended through the admin API, or expired after being idle): showing the shared state.`, 'error');
      return;
    }
    state.sessionCreatedAt = shown.createdAt;
  }
  renderSessions();
}

/** Shows the shared state (undefined) or a session: every admin call from now on names it. */
async function selectScope(id, { quiet = false } = {}) {
  state.generation += 1;
  state.session = id || undefined;
  state.sessionCreatedAt = state.sessions.find((s) => s.id === state.session)?.createdAt;
  setSession(state.session);
  document.body.classList.toggle('in-session', state.session !== undefined);
  $('api-links-session').hidden = state.session === undefined;
  renderSessions();
  clearJournal();
  const partyId = state.partyId;
  try {
    await Promise.all([loadClock(), loadScenarios(), loadFaults(), pollJournal()]);
    const there = partyId && state.scenarios.some((s) => s.parties.some((p) => p.partIdentifikator === partyId));
    if (there) await loadParty(partyId);
    else clearParty();
    rememberInAddress();
    if (!quiet) {
      const where = state.session ? `session ${state.session}: every call of this page sends ${SESSION_HEADER}: ${state.session}` : 'the shared state';
      notify(`Showing ${where}.${partyId && !there ? ` It has no party ${partyId}.` : ''}`);
    }
  } catch (error) {
    notify(`Could not read ${state.session ? `session ${state.session}` : 'the shared state'}: ${describeError(error)}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Start

function every(ms, task) {
  const run = async () => {
    if (!document.hidden && !waitingForToken()) {
      try {
        await task();
      } catch (error) {
        notify(`Lost contact with kravmock: ${describeError(error)}`, 'error');
      }
    }
    setTimeout(run, ms);
  };
  setTimeout(run, ms);
}

async function start() {
  $('advance-form').addEventListener('submit', advanceClock);
  $('payment-form').addEventListener('submit', sendPayment);
  $('fault-form').addEventListener('submit', addFault);
  $('scenario-filter').addEventListener('input', renderScenarios);
  $('session-select').addEventListener('change', (event) => selectScope(event.target.value));
  // Fresh when the list is about to be opened.
  $('session-select').addEventListener('focus', () => loadSessions().catch(() => {}));
  $('claims-filter').addEventListener('change', () => state.party && renderClaims(state.party));
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => state.party && renderChart($('chart'), state.party.balanceOverTime.points, { stepMonths: state.party.balanceOverTime.stepMonths }), 150);
  });

  const address = new URLSearchParams(location.hash.slice(1));
  try {
    await loadSessions();
    // A session named in the address is shown if it is alive (the page does not start one).
    const named = address.get('session');
    if (named && state.sessions.some((s) => s.id === named)) await selectScope(named, { quiet: true });
    else {
      clearJournal();
      await Promise.all([loadClock(), loadScenarios(), loadFaults(), pollJournal()]);
    }
  } catch (error) {
    notify(`Could not read kravmock's admin API: ${describeError(error)}`, 'error');
    return;
  }
  const wanted = /^(\d{9}|\d{11})$/.exec(address.get('party') ?? '')?.[1];
  if (wanted && state.scenarios.some((s) => s.parties.some((p) => p.partIdentifikator === wanted))) await selectParty(wanted);
  else rememberInAddress();
  const session = address.get('session');
  if (session && state.session !== session) notify(`Session ${session} is not alive (ended, expired, or not started yet): showing the shared state.`, 'error');

  every(JOURNAL_POLL_MS, async () => {
    if ($('journal-pause').checked) return;
    if (await pollJournal()) await loadFaults();
  });
  every(CLOCK_POLL_MS, async () => {
    await loadSessions();
    if (await loadClock()) await Promise.all([loadScenarios(), state.partyId ? loadParty(state.partyId) : null]);
  });
  document.body.dataset.ready = 'true';
}

start();
