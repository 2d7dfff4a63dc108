/** Finds a state or territory by USPS code or full name, in any case ("nj", "New Jersey"). */
export function findState<T extends { code: string; name: string }>(states: readonly T[], query: string): T | undefined {
  const q = query.trim().toLowerCase();
  return q ? states.find((s) => s.code.toLowerCase() === q || s.name.toLowerCase() === q) : undefined;
}
