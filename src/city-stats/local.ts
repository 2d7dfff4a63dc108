import { html, nothing, type TemplateResult } from 'lit';
import type { LocalCount, LocalFigures, StatsCity, StatsStateResource } from '../shared/feed/types.js';
import { formatNumber } from '../shared/format/locale.js';
import { at, exact, sum } from './data.js';
import type { CardWords, Source, Stats } from './card.js';
import { figure, meta } from './figures.js';

// A city card's own figures: CDC's local (city or county) homicides and suicides, and the
// earlier Gun Violence Archive figures recorded under the city's name.

/** Where the local figure is from, as the card says it: "Baltimore" (its own) or "Cook County, where Chicago is". */
function areaName(w: CardWords, city: StatsCity, local: LocalFigures): string {
  return local.kind === 'city-county' ? city.city : w.t('{county}, where {city} is', { county: local.name, city: city.city });
}

export function localFigure(w: CardWords, id: string, what: 'homicides' | 'suicides', city: StatsCity, local: LocalFigures, series: LocalCount[], info: StatsStateResource['cdcCounty']): TemplateResult {
  const latest = at(series, info.first, info.last);
  const first = at(series, info.first, info.first);
  const a = exact(first);
  const b = exact(latest);
  const whose = local.kind === 'city-county' ? w.t("{city}'s own figure", { city: city.city }) : w.t("the county's figure, not the city's");
  const change =
    a !== undefined && b !== undefined
      ? b - a === 0
        ? w.t('no change since {first} ({count} in {first})', { first: info.first, count: w.n(a) })
        : w.t('{change} since {first} ({count} in {first})', {
            change: formatNumber(b - a, w.locale, { signDisplay: 'exceptZero' }),
            first: info.first,
            count: w.n(a),
          })
      : w.t('no change is given since {first} ({count} in {first}): CDC withholds counts from 1 to 9', { first: info.first, count: w.count(first) });
  const area = areaName(w, city, local);
  return html`<li class="figure" part="figure" data-figure=${id} data-kind=${local.kind}>
    ${b !== undefined
      ? html`<data class="figure__value" value=${b}>${w.n(b)}</data>`
      : html`<span class="figure__value figure__value--range" data-range=${Array.isArray(latest) ? latest.join('-') : ''}>${w.count(latest)}</span>`}
    <span class="figure__label"
      >${what === 'homicides' ? w.t('firearm homicides in {area}', { area }) : w.t('firearm suicides in {area}', { area })}
      <span class="figure__whose" data-whose>(${whose})</span></span
    >
    <span class="figure__change" data-change>${change}</span>
    ${meta(w, info.last, { name: w.t('CDC (county figures)') })}
  </li>`;
}

export function renderLocal(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  const file = stats.state?.data;
  const city = stats.city;
  if (!file || !city) return nothing;
  const local = city.local;
  if (!local) {
    return html`<p class="notice" part="notice" role="note" data-notice="no-local">
      ${file.state.territory
        ? w.t("CDC's county figures have no rows for {state} or any other territory, so there is no local CDC figure for {city}.", { state: file.state.name, city: city.city })
        : w.t("CDC's county figures have no area for {city}, so there is no local CDC figure for it.", { city: city.city })}
      ${w.t('The figures that exist are shown below.')}
    </p>`;
  }
  const info = file.cdcCounty;
  return html`<div class="subtitle" role="heading" aria-level=${w.subLevel}>
      ${local.kind === 'city-county'
        ? w.t('Firearm deaths in {city}, {year}', { city: city.city, year: info.last })
        : w.t('Firearm deaths in {county}, where {city} is, {year}', { county: local.name, city: city.city, year: info.last })}
    </div>
    <ul class="figures" role="list">
      ${localFigure(w, 'local-homicide', 'homicides', city, local, local.homicide, info)}
      ${localFigure(w, 'local-suicide', 'suicides', city, local, local.suicide, info)}
    </ul>
    <p class="caveat" data-local-note>
      ${local.kind === 'city-county' && local.fips.length > 1
        ? w.t(
            "{city} is made up of {count} whole counties ({counties}), so these are the city's own figures: their sum, given as a range where one county's count is withheld.",
            { city: city.city, count: local.fips.length, counties: local.name },
          )
        : local.kind === 'city-county'
        ? w.t("{city} is its own county-level area, so these are the city's own figures.", { city: city.city })
        : w.t("CDC publishes these figures by county, not by city: they are {county}'s, which includes more than {city}.", { county: local.name, city: city.city })}
      ${w.t('CDC does not publish counts from 1 to 9 (shown as "fewer than 10").')}
    </p>`;
}

export function renderCity(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  if (!stats.cityQuery || !stats.state) return nothing;
  const city = stats.city;
  if (!city) return nothing;
  const file = stats.state.data;
  const s = file.gvaCity;
  const m = file.gvaMassShootings;
  // A feed built without the Gun Violence Archive layer (the default) has no earlier city figures.
  if (!s || !m) return nothing;
  const name = `${city.city}, ${file.state.code}`;
  const { shootings, massShootings } = city;
  const heading = html`<div class="subtitle" role="heading" aria-level=${w.subLevel}>${w.t('Earlier figures: recorded in {place}', { place: name })}</div>`;
  if (!shootings && !massShootings) {
    return html`${heading}<p class="notice" part="notice" role="note" data-notice="no-city">
        ${w.t("No Gun Violence Archive figures for {place}: it has no record under this city's name.", { place: name })}
      </p>`;
  }
  const gva: Source = { name: 'Gun Violence Archive', url: s.url };
  const span = s.last - s.first + 1;
  const killed = shootings ? sum(shootings, (p) => p.killed) : 0;
  const injured = shootings ? sum(shootings, (p) => p.injured) : 0;
  const through = w.date(m.through);
  return html`
    ${heading}
    <ul class="figures" role="list">
      ${shootings
        ? html`${figure(w, 
            'city-killed',
            killed,
            w.n(killed),
            w.t('people killed in shootings in {city}, {first} to {last} ({span} years combined)', { city: city.city, first: s.first, last: s.last, span }),
            w.years(s.first, s.last),
            gva,
          )}
          ${figure(w, 
            'city-injured',
            injured,
            w.n(injured),
            w.t('people injured in shootings in {city}, {first} to {last} ({span} years combined)', { city: city.city, first: s.first, last: s.last, span }),
            w.years(s.first, s.last),
            gva,
          )}`
        : html`<li class="figure figure--note" part="figure" data-figure="city-killed">
            <span class="figure__label">${w.t('No killed or injured figures for {city} for the years shown.', { city: city.city })}</span>
          </li>`}
      ${massShootings
        ? figure(w, 
            'city-mass',
            sum(massShootings, (p) => p.count),
            w.n(sum(massShootings, (p) => p.count)),
            w.t('mass shootings (4 or more people shot) in {city}, {first} to {through}: {killed} killed, {injured} injured', {
              city: city.city,
              first: m.first,
              through,
              killed: w.n(sum(massShootings, (p) => p.killed)),
              injured: w.n(sum(massShootings, (p) => p.injured)),
            }),
            `${m.first}–${through}`,
            { name: 'Gun Violence Archive', url: m.url },
            w.t('{year} is a partial year, to {through}', { year: m.last, through }),
          )
        : nothing}
    </ul>
    <p class="caveat">
      ${w.t('Gun Violence Archive leaves out most suicides, so its city figures are not comparable with the CDC figures above.')}
      ${w.t('Its killed and injured figures by city stop in {year}.', { year: s.last })}
      ${w.t('No per-capita city rate is given: the sources we use have no current population for the city.')}
    </p>
  `;
}
