import { html, nothing, type TemplateResult } from 'lit';
import type { NationalDeathsPoint, StatsNationalResource } from '../shared/feed/types.js';
import { nationalFor, stateHeadline } from './data.js';
import type { CardWords, Source, Stats } from './card.js';

/** One headline figure: its value, what it counts, its year and source. */
export function figure(w: CardWords, id: string, value: number, shown: string, label: string | TemplateResult, when: string, source: Source, extra?: string): TemplateResult {
  return html`<li class="figure" part="figure" data-figure=${id}>
    <data class="figure__value" value=${value}>${shown}</data>
    <span class="figure__label">${label}</span>
    ${meta(w, when, source, extra)}
  </li>`;
}

/** A figure's year and source line: "2023 · Source: CDC WISQARS", then `extra` if any. */
export function meta(w: CardWords, when: string | number, source: Pick<Source, 'name' | 'lang'>, extra?: string): TemplateResult {
  return html`<span class="figure__meta"
    ><span class="figure__year" data-year>${when}</span> · ${w.t('Source:')} <span data-source lang=${source.lang ?? nothing}>${source.name}</span>${extra ? html` · ${extra}` : nothing}</span
  >`;
}

export function nationalSource(w: CardWords, point: NationalDeathsPoint, national: StatsNationalResource): Source {
  return point.secondary
    ? { name: w.t('published reports citing CDC WONDER'), url: national.deaths.secondaryUrl ?? national.deaths.url }
    : { name: 'CDC WISQARS', url: national.deaths.url };
}

export function renderState(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  const file = stats.state?.data;
  if (!file) return nothing;
  const cdcSource: Source | undefined = file.cdc ? { name: 'CDC/NCHS', url: file.cdc.url } : undefined;
  if (!file.cdc || !cdcSource) return nothing;
  const { latest, first } = stateHeadline(file.cdc);
  const name = file.state.name;
  return html`
    ${figure(w, 'state-deaths', latest.deaths, w.n(latest.deaths), w.t('firearm deaths in {state}', { state: name }), `${latest.year}`, cdcSource)}
    ${latest.rate !== null
      ? figure(w, 'state-rate', latest.rate, w.rate(latest.rate), w.t('firearm deaths per 100,000 residents in {state} (age-adjusted)', { state: name }), `${latest.year}`, cdcSource)
      : nothing}
    ${first && first.rate !== null && latest.rate !== null
      ? figure(w, 
          'state-change',
          Math.round((latest.rate - first.rate) * 10) / 10,
          w.signed(latest.rate - first.rate),
          w.t("change in {state}'s rate per 100,000 since {first} ({a} in {first}, {b} in {last})", {
            state: name,
            first: first.year,
            last: latest.year,
            a: w.rate(first.rate),
            b: w.rate(latest.rate),
          }),
          w.years(first.year, latest.year),
          cdcSource,
        )
      : html`<li class="figure figure--note" part="figure" data-figure="state-change">
          <span class="figure__label">${w.t('No change is shown: the CDC figures we have for {state} cover {year} only.', { state: name, year: latest.year })}</span>
        </li>`}
  `;
}

export function renderNational(w: CardWords, stats: Stats): TemplateResult | typeof nothing {
  const national = stats.national.data;
  const stateYear = stats.state?.data.cdc?.points.at(-1)?.year;
  const point = (stateYear !== undefined ? nationalFor(national.deaths.points, stateYear) : undefined) ?? national.deaths.points.at(-1);
  if (!point) return nothing;
  const source = nationalSource(w, point, national);
  const parts: Array<[number | null, string]> = [
    [point.homicide, '{count} homicides'],
    [point.suicide, '{count} suicides'],
    [point.unintentional, '{count} unintentional'],
    [point.legalIntervention, '{count} legal intervention'],
    [point.undetermined, '{count} undetermined intent'],
  ];
  const known = parts.filter((p): p is [number, string] => p[0] !== null);
  return figure(w, 
    'national-deaths',
    point.total,
    w.n(point.total),
    html`${w.t('firearm deaths in the United States')}${known.length
      ? html`<span class="figure__parts" data-intents>: ${known.map(([v, what], i) => html`${i ? ', ' : ''}${w.t(what, { count: w.n(v) })}`)}</span>`
      : nothing}`,
    `${point.year}`,
    source,
    point.secondary ? w.t('secondary source') : undefined,
  );
}
