// Reads the statistics source files (data/stats/*.csv, served by the test runner) so that tests
// compare what the card shows with the sources themselves, not with hard-coded numbers.

type Row = Record<string, string>;

/** Splits one CSV line, with "quoted, cells" and "" for a quote. */
export function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

async function csv(name: string): Promise<Row[]> {
  const response = await fetch(`/data/stats/${name}`);
  if (!response.ok) throw new Error(`cannot read data/stats/${name}`);
  const [head, ...lines] = (await response.text()).trim().split(/\r?\n/);
  const header = cellsOf(head!);
  return lines.map((line) => {
    const cells = cellsOf(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export interface Expected {
  cdc: Row[];
  national: Row[];
  gva: Row[];
  mass: Row[];
  aliases: Row[];
  /** CDC firearm homicides and suicides by county (cdc_county_firearm_homicide_suicide_2019_2024.csv). */
  county: Row[];
  /** The reviewed city-county table (city-counties.csv). */
  cityCounties: Row[];
}

let cache: Promise<Expected> | undefined;

export function sources(): Promise<Expected> {
  cache ??= (async () => {
    const [cdc, national, gva, mass, aliases, county, cityCounties] = await Promise.all([
      csv('cdc_state_firearm_mortality.csv'),
      csv('national_firearm_deaths_by_intent.csv'),
      csv('gva_city_year.csv'),
      csv('gva_mass_shootings_city_year.csv'),
      csv('gva-aliases.csv'),
      csv('cdc_county_firearm_homicide_suicide_2019_2024.csv'),
      csv('city-counties.csv'),
    ]);
    return { cdc, national, gva, mass, aliases, county, cityCounties };
  })();
  return cache;
}

/** The CDC rows of a state, by year. */
export function cdcRows(data: Expected, state: string): Row[] {
  return data.cdc.filter((r) => r.state === state && Number(r.year) >= 2014).sort((a, b) => Number(a.year) - Number(b.year));
}

export function nationalRow(data: Expected, year: number | string): Row {
  return data.national.find((r) => r.year === String(year))!;
}

/** The GVA names counted for a member: its own name (if GVA uses it) plus the alias table's. */
export function gvaNames(data: Expected, state: string, stateName: string, city: string): string[] {
  const own = [...data.gva, ...data.mass].filter((r) => r.state === stateName && r.city_or_county === city).length ? [city] : [];
  return [...own, ...data.aliases.filter((a) => a.state === state && a.member_city === city).map((a) => a.gva_name!)];
}

/** Killed and injured recorded by GVA under `names` in 2014-2017. */
export function cityTotals(data: Expected, stateName: string, names: string[]) {
  const rows = data.gva.filter((r) => r.state === stateName && names.includes(r.city_or_county!) && Number(r.year) >= 2014 && Number(r.year) <= 2017);
  return { killed: rows.reduce((n, r) => n + Number(r.killed), 0), injured: rows.reduce((n, r) => n + Number(r.injured), 0) };
}

export function massTotals(data: Expected, stateName: string, names: string[]) {
  const rows = data.mass.filter((r) => r.state === stateName && names.includes(r.city_or_county!));
  return {
    count: rows.reduce((n, r) => n + Number(r.mass_shootings), 0),
    killed: rows.reduce((n, r) => n + Number(r.victims_killed), 0),
    injured: rows.reduce((n, r) => n + Number(r.victims_injured), 0),
  };
}

export const en = (n: number | string) => new Intl.NumberFormat('en-US').format(Number(n));
export const en1 = (n: number | string) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(n));

/** The CDC county row of a county, intent and period ("2023", "2024-provisional"). */
export function countyRow(data: Expected, fips: string, intent: 'homicide' | 'suicide', period: string): Row {
  const row = data.county.find((r) => r.county_fips === fips && r.intent === intent && r.period === period);
  if (!row) throw new Error(`no county row ${fips} ${intent} ${period}`);
  return row;
}

/** The CDC county rows named `name` in `stateName` (e.g. "Cook County", "Illinois"). */
export function countyFips(data: Expected, name: string, stateName: string): string {
  const row = data.county.find((r) => r.county === name && r.state_name === stateName);
  if (!row) throw new Error(`no county ${name}, ${stateName}`);
  return row.county_fips!;
}
