// "Download the figures (CSV)" and "Download the chart (PNG)": loaded on the first click (not
// part of the card's first download). The CSV has the card's own numbers, one row per figure,
// built from the files the card already read, in the card's language.
import { csvText, fileSlug, saveCsv, saveFile } from '../shared/text/csv.js';
import type { LocalCount } from '../shared/feed/types.js';
import type { CardWords, Stats } from './card.js';
import { trend } from './trend.js';

type Row = [place: string, year: number | string, measure: string, value: string | number, unit: string, source: string, url: string];

/** A CDC county count as a cell: the number, or "fewer than 10" / "10 to 50" / "no figure". */
const countCell = (w: CardWords, c: LocalCount): string | number => (typeof c === 'number' ? c : w.count(c));

/** Every figure of the card as rows: the local series, the state's, the US series, and the city's GVA figures where the feed has them. */
export function figureRows(w: CardWords, stats: Stats): Row[] {
  const rows: Row[] = [];
  const file = stats.state?.data;
  const city = stats.city;
  const deaths = w.t('deaths');
  if (city?.local && file) {
    const { local } = city;
    const info = file.cdcCounty;
    const place = local.kind === 'city-county' ? `${city.city}, ${file.state.code}` : `${w.t('{county}, where {city} is', { county: local.name, city: city.city })}, ${file.state.code}`;
    for (let y = info.first; y <= info.last; y++) {
      rows.push([place, y, w.t('firearm homicides'), countCell(w, local.homicide[y - info.first] ?? null), deaths, info.source, info.url]);
      rows.push([place, y, w.t('firearm suicides'), countCell(w, local.suicide[y - info.first] ?? null), deaths, info.source, info.url]);
    }
  }
  const t = trend(w, stats);
  if (file?.cdc) {
    for (const p of file.cdc.points) {
      rows.push([file.state.name, p.year, w.t('firearm deaths'), p.deaths, deaths, file.cdc.source, file.cdc.url]);
      if (p.rate !== null) rows.push([file.state.name, p.year, w.t('firearm death rate, age-adjusted'), p.rate, w.t('deaths per 100,000 residents'), file.cdc.source, file.cdc.url]);
    }
  }
  const national = stats.national.data.deaths;
  const us = w.t('United States');
  const last = national.points.at(-1);
  for (const p of national.points) {
    // The chart's years, and the newest year by intent (as the card shows it).
    if (!t.years.includes(p.year) && p !== last) continue;
    const [source, url] = p.secondary ? [w.t('published reports citing CDC WONDER'), national.secondaryUrl ?? national.url] : [national.source, national.url];
    rows.push([us, p.year, w.t('firearm deaths'), p.total, deaths, source, url]);
    if (p !== last) continue;
    const intents: Array<[string, number | null]> = [
      [w.t('firearm homicides'), p.homicide],
      [w.t('firearm suicides'), p.suicide],
      [w.t('unintentional firearm deaths'), p.unintentional],
      [w.t('firearm deaths by legal intervention'), p.legalIntervention],
      [w.t('firearm deaths of undetermined intent'), p.undetermined],
    ];
    for (const [measure, value] of intents) if (value !== null) rows.push([us, p.year, measure, value, deaths, source, url]);
  }
  const gva = file?.gvaCity;
  const mass = file?.gvaMassShootings;
  if (city && file && gva && mass) {
    const place = `${city.city}, ${file.state.code}`;
    const people = w.t('people');
    for (const p of city.shootings ?? []) {
      rows.push([place, p.year, w.t('people killed in shootings'), p.killed, people, 'Gun Violence Archive', gva.url]);
      rows.push([place, p.year, w.t('people injured in shootings'), p.injured, people, 'Gun Violence Archive', gva.url]);
    }
    for (const p of city.massShootings ?? []) {
      const year = p.year === mass.last ? `${p.year} (${w.t('to {date}', { date: mass.through })})` : p.year;
      rows.push([place, year, w.t('mass shootings (4 or more people shot)'), p.count, w.t('shootings'), 'Gun Violence Archive', mass.url]);
      rows.push([place, year, w.t('people killed in mass shootings'), p.killed, people, 'Gun Violence Archive', mass.url]);
      rows.push([place, year, w.t('people injured in mass shootings'), p.injured, people, 'Gun Violence Archive', mass.url]);
    }
  }
  return rows;
}

/** The card's place and newest year, for file names: "baltimore-md-2023". */
function baseName(stats: Stats): string {
  const file = stats.state?.data;
  const year = file?.cdc?.last ?? stats.national.data.deaths.last;
  return fileSlug(stats.city && file ? `${stats.city.city} ${file.state.code}` : (file?.state.name ?? 'united-states'), year);
}

/** The figures CSV: its text and file name ("baltimore-md-2023-firearm-figures.csv"). */
export function figuresCsv(w: CardWords, stats: Stats): { name: string; text: string } {
  const header = [w.t('place'), w.t('year'), w.t('measure'), w.t('value'), w.t('unit'), w.t('source'), w.t('source URL')];
  return { name: `${baseName(stats)}-${fileSlug(w.t('firearm figures'))}.csv`, text: csvText(header, figureRows(w, stats)) };
}

export function saveFigures(w: CardWords, stats: Stats): void {
  const { name, text } = figuresCsv(w, stats);
  saveCsv(text, name);
}

/** Saves the drawn chart as a PNG on the card's background (a transparent PNG is unreadable on a dark viewer). */
export function saveChart(w: CardWords, stats: Stats, canvas: HTMLCanvasElement, background: string): void {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const g = copy.getContext('2d')!;
  g.fillStyle = background || '#ffffff';
  g.fillRect(0, 0, copy.width, copy.height);
  g.drawImage(canvas, 0, 0);
  copy.toBlob((blob) => blob && saveFile(blob, `${baseName(stats)}-${fileSlug(w.t('firearm chart'))}.png`), 'image/png');
}
