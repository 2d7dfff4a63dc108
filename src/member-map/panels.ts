import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedResource } from '../shared/feed/client.js';
import type { MapResource, MembersResource } from '../shared/feed/types.js';
import type { MapArea, MapModel, PlacedMember } from './model.js';
import type { MapWords } from './words.js';

/** The zoomed state's panel: its heading (focused after a zoom by keyboard) and all its cities (the way back is the one button above the map). */
export function renderDetail(
  model: MapModel,
  area: MapArea,
  { marked, picked, headingLevel }: { marked: PlacedMember | undefined; picked: string | null; headingLevel: number },
  on: { pick: (m: PlacedMember) => void },
  w: MapWords,
): TemplateResult {
  const n = area.count;
  return html`<section class="detail" part="detail" aria-labelledby="detail-title">
      <div id="detail-title" class="detail__title" role="heading" aria-level=${headingLevel} tabindex="-1">${area.name}</div>
      <p class="detail__count">${n ? w.count(n) : w.t('No member city in {state} is listed in the feed yet.', { state: area.name })}</p>
      ${n
        ? html`<ul class="cities">
            ${model.citiesOf(area).map(
              (m) => html`<li>
                <button type="button" class="city" aria-current=${picked === m.id ? 'true' : 'false'} @click=${() => on.pick(m)}>
                  ${m.city}${marked?.id === m.id ? html`<span class="city__mark"> ${w.t('(highlighted)')}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
}

/**
 * The map's caption: the highlighted city (or why it is not found), the counts, the date and the
 * sources. A `<figcaption>` under the whole country; when zoomed, a block after the state's panel
 * (on a phone it would otherwise sit between the zoomed map and the panel).
 */
export function renderCaption(
  { members, map, model }: { members: LoadedResource<MembersResource>; map: LoadedResource<MapResource>; model: MapModel },
  highlight: string | null,
  highlighted: PlacedMember | undefined,
  w: MapWords,
  inFigure = true,
): TemplateResult {
  const asOf = members.data.asOf;
  const body = html`
      ${highlight
        ? highlighted
          ? html`<p class="caption__highlight"><span class="key key--mark" aria-hidden="true"></span>${w.tParts("Highlighted: {city}, one of the coalition's member cities.", {
              city: html`<strong>${highlighted.city}, ${model.byCode.get(highlighted.state)?.name ?? highlighted.state}</strong>`,
            })}</p>`
          : html`<p class="caption__highlight caption__highlight--missing">${w.t("“{highlight}” is not in the coalition's member list.", { highlight })}</p>`
        : nothing}
      <p>
        ${w.tParts(
          model.total === 1
            ? '{count} member city of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.'
            : '{count} member cities of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.',
          {
            count: w.number(model.total),
            coalition: members.index.coalition.name,
            states: w.number(model.withMembers.length),
            date: html`<time datetime=${asOf}>${w.date(asOf)}</time>`,
            // The sources are the feed's English text: marked so a Spanish page reads them as English.
            source: html`<span lang="en">${members.data.source}</span>`,
            map: html`<span lang="en">${map.data.source}</span>`,
          },
        )}
      </p>
    `;
  return inFigure ? html`<figcaption class="caption" part="caption">${body}</figcaption>` : html`<div class="caption" part="caption">${body}</div>`;
}
