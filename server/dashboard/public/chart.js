// The balance chart: hand-written SVG, no library. The points come from the server (the ledger's
// totals at each month end); this module only draws them: `saldo` as a line over a filled area and
// `sumForfalteKrav` (overdue) as a dashed line, a zero line, and a text alternative (title, desc).
import { h, nok, nokShort } from './dom.js';

const HEIGHT = 260;
const PAD = { top: 18, right: 24, bottom: 34, left: 64 };
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const dateOf = (iso) => new Date(`${iso}T00:00:00Z`);
const label = (iso) => monthYear.format(dateOf(iso));

/** Round tick values covering [min, max], zero included. */
function ticks(min, max, count = 5) {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (lo === hi) return [0, 1];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const first = Math.floor(lo / step) * step;
  const out = [];
  for (let v = first; v <= hi + step * 0.5; v += step) out.push(Math.round(v * 100) / 100);
  if (out.at(-1) < hi) out.push(out.at(-1) + step);
  return out;
}

function path(points, x, y, key) {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
}

/** Draws the chart into `container` (replacing what is there) for `points` (oldest first). */
export function renderChart(container, points, { stepMonths = 1 } = {}) {
  const width = Math.max(420, Math.round(container.clientWidth || 720));
  const innerW = width - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const values = points.flatMap((p) => [p.saldo, p.sumForfalteKrav]);
  const yTicks = ticks(Math.min(...values), Math.max(...values));
  const yMin = yTicks[0];
  const yMax = yTicks.at(-1);
  const x = (i) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v) => PAD.top + innerH - ((v - yMin) / (yMax - yMin)) * innerH;

  const first = points[0];
  const last = points.at(-1);
  const highest = points.reduce((a, b) => (b.saldo > a.saldo ? b : a));
  const summary =
    `${points.length} points from ${first.dato} to ${last.dato}${stepMonths > 1 ? `, every ${stepMonths} months` : ''}. ` +
    `saldo went from ${nok(first.saldo)} to ${nok(last.saldo)} NOK; highest ${nok(highest.saldo)} NOK on ${highest.dato}. ` +
    `Overdue (sumForfalteKrav) at the end: ${nok(last.sumForfalteKrav)} NOK.`;

  // About six date labels, the first and the last always, none closer than 80 px to the next.
  const every = Math.max(1, Math.ceil(points.length / 6));
  const xLabels = [];
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const wanted = i === points.length - 1 || i === 0 || (points.length - 1 - i) % every === 0;
    const clear = xLabels.length === 0 || x(xLabels.at(-1).i) - x(i) >= 80;
    if (wanted && clear) xLabels.push({ p: points[i], i });
  }

  const svg = h(
    'svg:svg',
    { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart-svg' },
    h('svg:title', { id: 'chart-title' }, 'Balance (saldo) and overdue claims (sumForfalteKrav) over time'),
    h('svg:desc', { id: 'chart-desc' }, summary),
    // Grid and y axis labels
    yTicks.map((t) =>
      h(
        'svg:g',
        { class: t === 0 ? 'grid zero' : 'grid' },
        h('svg:line', { x1: PAD.left, x2: width - PAD.right, y1: y(t), y2: y(t) }),
        h('svg:text', { x: PAD.left - 8, y: y(t) + 4, 'text-anchor': 'end', class: 'axis-label' }, nokShort(t)),
      ),
    ),
    xLabels.map(({ p, i }) => h('svg:text', { x: x(i), y: HEIGHT - 10, 'text-anchor': i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle', class: 'axis-label' }, label(p.dato))),
    // saldo: area to the zero line, then the line
    points.length > 1
      ? h('svg:path', { d: `${path(points, x, y, 'saldo')} L${x(points.length - 1).toFixed(1)},${y(0).toFixed(1)} L${x(0).toFixed(1)},${y(0).toFixed(1)} Z`, class: 'area-saldo' })
      : null,
    h('svg:path', { d: path(points, x, y, 'sumForfalteKrav'), class: 'line-overdue' }),
    h('svg:path', { d: path(points, x, y, 'saldo'), class: 'line-saldo' }),
    points.map((p, i) =>
      h('svg:circle', { cx: x(i), cy: y(p.saldo), r: i === points.length - 1 ? 4.5 : 2.5, class: i === points.length - 1 ? 'dot-now' : 'dot' }, h('svg:title', {}, `${p.dato}: saldo ${nok(p.saldo)} NOK, overdue ${nok(p.sumForfalteKrav)} NOK`)),
    ),
    h('svg:text', { x: x(points.length - 1) - 8, y: Math.max(12, y(last.saldo) - 10), 'text-anchor': 'end', class: 'value-label' }, `${nok(last.saldo)} kr`),
  );

  const legend = h(
    'ul',
    { class: 'legend' },
    h('li', {}, h('span', { class: 'swatch swatch-saldo', 'aria-hidden': 'true' }), h('code', { lang: 'nb' }, 'saldo'), ' balance'),
    h('li', {}, h('span', { class: 'swatch swatch-overdue', 'aria-hidden': 'true' }), h('code', { lang: 'nb' }, 'sumForfalteKrav'), ' overdue'),
  );
  container.replaceChildren(legend, svg);
}
