import { html, nothing, type TemplateResult } from 'lit';
import type { StatsSeriesInfo } from '../shared/feed/types.js';
import { safeHref } from '../shared/text/safe-url.js';
import type { CardWords, Stats } from './card.js';

/**
 * A series' notes and source name from the feed in the card's language: the Spanish versions
 * where the data has them; otherwise the English, marked `lang="en"` on a Spanish card.
 */
function feedText(w: CardWords, info: StatsSeriesInfo, spanish: Stats['spanish']): { notes: Array<[string, string | undefined]>; source: [string, string | undefined] } {
  const es = w.lang === 'es';
  const text = (english: string): [string, string | undefined] => (!es ? [english, undefined] : spanish?.[english] ? [spanish[english]!, undefined] : [english, 'en']);
  return { notes: info.notes.map(text), source: text(info.source) };
}

export function renderFooter(w: CardWords, stats: Stats): TemplateResult {
  const national = stats.national.data.deaths;
  const file = stats.state?.data;
  const city = stats.city;
  const english = w.lang === 'es' ? 'en' : undefined;
  /** url → [name, its lang, what the card says about it]. */
  const sources = new Map<string, [string, string | undefined, string]>();
  /** text → its lang. */
  const notes = new Map<string, string | undefined>();
  const addNotes = (list: Array<[string, string | undefined]>) => list.forEach(([n, lang]) => notes.set(n, lang));
  if (city && file) {
    const info = file.cdcCounty;
    sources.set(info.url, [
      info.source,
      english,
      w.t('(firearm homicides and suicides by county, {first}–{last}; updated {date})', {
        first: info.first,
        last: info.last,
        date: w.date(info.updated),
      }),
    ]);
    notes.set(
      w.t(
        "Local figures: CDC publishes firearm homicides and suicides by county, not by city. Where the city is its own county (an independent city or a consolidated city-county such as Baltimore, Philadelphia or Denver), the figure is the city's own; elsewhere it is the figure of the county the city lies in, and the card names that county.",
      ),
      undefined,
    );
    notes.set(
      w.t('CDC does not publish a county count from 1 to 9, to protect privacy: the card says "fewer than 10", never 0. Where a count is withheld, no change since the first year is given.'),
      undefined,
    );
    notes.set(
      w.t("Only final figures ({first}–{last}) are shown. CDC's {next} county figures are provisional and visibly incomplete in places, so they are left out until they are final.", {
        first: info.first,
        last: info.last,
        next: info.last + 1,
      }),
      undefined,
    );
    const local = city.local;
    if (local?.note) {
      if (english && local.noteEs) notes.set(local.noteEs, undefined);
      else notes.set(local.note, english);
    }
    if (!local && file.state.territory) notes.set(w.t("CDC's county figures have no rows for Puerto Rico, the Northern Mariana Islands or the other territories."), undefined);
  }
  if (file?.cdc) {
    const text = feedText(w, file.cdc, stats.spanish);
    sources.set(file.cdc.url, [...text.source, '']);
    addNotes(text.notes);
  }
  const years = `${national.first}–${national.last}`;
  const nationalText = feedText(w, national, stats.spanish);
  sources.set(national.url, [...nationalText.source, w.t('(US firearm deaths by intent, {years})', { years })]);
  if (national.secondaryUrl && national.points.some((p) => p.secondary)) sources.set(national.secondaryUrl, ['CDC WONDER', undefined, w.t('(cited by published reports)')]);
  addNotes(nationalText.notes);
  let gvaShown = false;
  if (city && file) {
    for (const info of [city.shootings ? file.gvaCity : undefined, city.massShootings ? file.gvaMassShootings : undefined]) {
      if (!info) continue;
      gvaShown = true;
      const text = feedText(w, info, stats.spanish);
      sources.set(info.url, [...text.source, '']);
      addNotes(text.notes);
    }
  }
  return html`<details class="notes" part="notes">
      <summary>${w.t('About these figures')}</summary>
      <ul>
        ${[...notes].map(([n, lang]) => html`<li lang=${lang ?? nothing}>${n}</li>`)}
      </ul>
    </details>
    <div class="sources" part="sources">
      <div class="sources__title" role="heading" aria-level=${w.subLevel}>${w.t('Sources')}</div>
      <ul>
        ${[...sources].map(([url, [name, lang, about]]) => {
          const text = html`<span lang=${lang ?? nothing}>${name}</span>${about ? ` ${about}` : ''}`;
          // Only http(s) and relative URLs become links; a javascript:/data: source stays text.
          const href = safeHref(url);
          return href
            ? html`<li><a href=${href} rel="noopener" target="_blank">${text}<span class="visually-hidden"> ${w.t('(opens in a new tab)')}</span></a></li>`
            : html`<li>${text}</li>`;
        })}
      </ul>
      <p class="sources__rights" data-rights>
        ${w.t('The CDC figures are in the public domain.')}
        ${gvaShown ? w.t('The Gun Violence Archive figures are copyrighted and appear here with its permission.') : nothing}
      </p>
    </div>`;
}
