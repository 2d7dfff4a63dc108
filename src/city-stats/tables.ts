import { html, nothing, type TemplateResult } from 'lit';
import { at, yearRange } from './data.js';
import type { CardWords, Stats } from './card.js';
import type { Trend } from './trend.js';

// "Show as table": every figure of the chart, and the city's local and earlier figures by year.

/**
 * A table in its own scroll box: at 320 px a wide table scrolls inside the box, which can be
 * focused (and so scrolled with the keyboard) and is named by the card's title and the
 * table's caption. The caption is a paragraph above the box, so it wraps to the card's width
 * instead of being clipped with the table.
 */
function scrollTable(id: string, caption: string | TemplateResult, head: TemplateResult, body: TemplateResult | TemplateResult[]): TemplateResult {
  return html`<p class="table__caption" id=${`${id}-caption`}>${caption}</p>
    <div class="table__scroll" role="region" tabindex="0" aria-labelledby=${`card-title ${id}-caption`} data-table=${id}>
      <table class="table" part="table" aria-labelledby=${`${id}-caption`}>
        <thead>${head}</thead>
        <tbody>${body}</tbody>
      </table>
    </div>`;
}

export function renderTable(w: CardWords, stats: Stats, t: Trend): TemplateResult {
  const blank = html`<span aria-hidden="true">–</span><span class="visually-hidden">${w.t('no figure')}</span>`;
  const anySecondary = t.years.some((y) => t.nationalByYear.get(y)?.secondary);
  return html`${renderLocalTable(w, stats)}
    ${scrollTable(
      'trend-table-state',
      w.t(
        t.cdc
          ? anySecondary
            ? '{title}: every figure of the chart (source: CDC/NCHS; US deaths: CDC WISQARS, and where marked *, published reports citing CDC WONDER)'
            : '{title}: every figure of the chart (source: CDC/NCHS; US deaths: CDC WISQARS)'
          : anySecondary
            ? '{title}: every figure of the chart (source: CDC WISQARS, and where marked *, published reports citing CDC WONDER)'
            : '{title}: every figure of the chart (source: CDC WISQARS)',
        { title: t.title },
      ),
      html`<tr>
        <th scope="col">${w.t('Year')}</th>
        ${t.cdc
          ? html`<th scope="col">${w.t('{state}: firearm deaths', { state: t.name ?? '' })}</th>
              <th scope="col">${w.t('{state}: rate per 100,000 (age-adjusted)', { state: t.name ?? '' })}</th>`
          : nothing}
        <th scope="col">${w.t('United States: firearm deaths')}</th>
      </tr>`,
      t.years.map((y) => {
        const s = t.stateByYear.get(y);
        const u = t.nationalByYear.get(y);
        return html`<tr>
          <th scope="row">${y}</th>
          ${t.cdc
            ? html`<td>${s ? w.n(s.deaths) : blank}</td>
                <td>${s && s.rate !== null ? w.rate(s.rate) : blank}</td>`
            : nothing}
          <td>${u ? html`${w.n(u.total)}${u.secondary ? html`<span aria-hidden="true"> *</span><span class="visually-hidden"> ${w.t('(secondary source)')}</span>` : nothing}` : blank}</td>
        </tr>`;
      }),
    )}
    ${anySecondary ? html`<p class="table__note">${w.t('* Secondary source: published reports citing CDC WONDER.')}</p>` : nothing}
    ${renderCityTable(w, stats)}`;
}

/** The local CDC series by year (final years only). */
function renderLocalTable(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  const city = stats.city;
  const local = city?.local;
  const info = stats.state?.data.cdcCounty;
  if (!city || !local || !info) return nothing;
  return scrollTable(
    'trend-table-local',
    w.t('{area}: firearm homicides and suicides by year, {first}–{last} (source: CDC county figures; "fewer than 10": CDC does not publish counts from 1 to 9)', {
      area: local.kind === 'city-county' ? city.city : local.name,
      first: info.first,
      last: info.last,
    }),
    html`<tr>
      <th scope="col">${w.t('Year')}</th>
      <th scope="col">${w.t('Firearm homicides')}</th>
      <th scope="col">${w.t('Firearm suicides')}</th>
    </tr>`,
    yearRange(info.first, info.last).map(
      (y) => html`<tr>
        <th scope="row">${y}</th>
        <td>${w.count(at(local.homicide, info.first, y))}</td>
        <td>${w.count(at(local.suicide, info.first, y))}</td>
      </tr>`,
    ),
  );
}

function renderCityTable(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  const city = stats.city;
  const file = stats.state?.data;
  if (!city || !file || !file.gvaCity || !file.gvaMassShootings) return nothing;
  const s = city.shootings;
  const m = city.massShootings;
  const info = file.gvaCity;
  const mi = file.gvaMassShootings;
  const none = html`<span class="none">${w.t('none recorded')}</span>`;
  return html`
    ${s
      ? scrollTable(
          'trend-table-gva',
          w.t('{city}: people killed and injured in shootings, by year (source: Gun Violence Archive)', { city: city.city }),
          html`<tr>
            <th scope="col">${w.t('Year')}</th>
            <th scope="col">${w.t('Killed')}</th>
            <th scope="col">${w.t('Injured')}</th>
          </tr>`,
          yearRange(info.first, info.last).map((y) => {
            const p = s.find((q) => q.year === y);
            return html`<tr><th scope="row">${y}</th><td>${p ? w.n(p.killed) : none}</td><td>${p ? w.n(p.injured) : none}</td></tr>`;
          }),
        )
      : nothing}
    ${m && m.length
      ? scrollTable(
          'trend-table-mass',
          w.t('{city}: mass shootings by year (source: Gun Violence Archive; {year} through {through})', {
            city: city.city,
            year: mi.last,
            through: w.date(mi.through),
          }),
          html`<tr>
            <th scope="col">${w.t('Year')}</th>
            <th scope="col">${w.t('Mass shootings')}</th>
            <th scope="col">${w.t('Killed')}</th>
            <th scope="col">${w.t('Injured')}</th>
          </tr>`,
          yearRange(mi.first, mi.last).map((y) => {
            const p = m.find((q) => q.year === y);
            return html`<tr>
              <th scope="row">${y}</th><td>${p ? w.n(p.count) : none}</td><td>${p ? w.n(p.killed) : none}</td><td>${p ? w.n(p.injured) : none}</td>
            </tr>`;
          }),
        )
      : nothing}
  `;
}
