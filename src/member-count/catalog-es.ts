import type { Catalog } from '../shared/i18n/i18n.js';

/** Spanish for this widget's strings: the key is the English text exactly as the code writes it. */
const es: Catalog = {
  'Loading the member count…': 'Cargando el número de ciudades miembro…',
  'The member count could not be shown.': 'No se pudo mostrar el número de ciudades miembro.',
  'member city': 'ciudad miembro',
  'member cities': 'ciudades miembro',
  'member city in {state}': 'ciudad miembro en {state}',
  'member cities in {state}': 'ciudades miembro en {state}',
  '{name}, as of {date}': '{name}, al {date}',
  'The coalition: {claim}.': 'La coalición: {claim}.',
  "No member cities in {state} are listed in the coalition's feed yet.":
    'La fuente de datos de la coalición aún no incluye ciudades miembro en {state}.',
  '"{query}" is not a US state or territory. Use a USPS code such as "NJ" or a name such as "New Jersey".':
    '"{query}" no es un estado ni un territorio de EE. UU. Use un código postal de USPS, como "NJ", o un nombre, como "New Jersey".',
};
export default es;
