import type { Catalog } from '../shared/i18n/i18n.js';

/** Spanish for this widget's strings: the key is the English text exactly as the code writes it. */
const es: Catalog = {
  'The map data is incomplete, so the map cannot be drawn.':
    'Los datos del mapa están incompletos, por lo que no se puede dibujar.',
  'The feed lists no member cities yet.': 'Los datos aún no incluyen ninguna ciudad miembro.',
  'Zoomed in on {state}: {count}, listed after the map.': 'Vista ampliada de {state}: {count}, en la lista después del mapa.',
  'Showing the whole country.': 'Se muestra todo el país.',
  'Zoomed in on {state}: {city} is marked on the map.': 'Vista ampliada de {state}: {city} está marcada en el mapa.',
  '{city} is marked on the map.': '{city} está marcada en el mapa.',
  '{count} member city': '{count} ciudad miembro',
  '{count} member cities': '{count} ciudades miembro',
  None: 'Ninguna',
  '{count} or more': '{count} o más',
  'No member city listed': 'Ninguna ciudad miembro en la lista',
  'Click or press Enter to see the cities': 'Haga clic o presione Enter para ver las ciudades',
  'Map of {count} member city': 'Mapa de {count} ciudad miembro',
  'Map of {count} member cities': 'Mapa de {count} ciudades miembro',
  '{count} member city in {states} states and territories, one dot per city; each state is shaded by its number of member cities.':
    '{count} ciudad miembro en {states} estados y territorios, un punto por ciudad; el tono de cada estado indica su número de ciudades miembro.',
  '{count} member cities in {states} states and territories, one dot per city; each state is shaded by its number of member cities.':
    '{count} ciudades miembro en {states} estados y territorios, un punto por ciudad; el tono de cada estado indica su número de ciudades miembro.',
  'Alaska, Hawaii, Puerto Rico, the U.S. Virgin Islands, Guam, the Northern Mariana Islands and American Samoa are drawn in insets.':
    'Alaska, Hawái, Puerto Rico, las Islas Vírgenes de EE. UU., Guam, las Islas Marianas del Norte y Samoa Americana aparecen en recuadros.',
  'Zoomed in on {state}.': 'Vista ampliada de {state}.',
  "Use the arrow keys to move between states and Enter to list a state's cities; every state and city is also in the list below the map.":
    'Use las teclas de flecha para pasar de un estado a otro y Enter para ver las ciudades de un estado; todos los estados y ciudades también están en la lista debajo del mapa.',
  'Member cities per state': 'Ciudades miembro por estado',
  'A member city': 'Una ciudad miembro',
  'Highlighted city': 'Ciudad destacada',
  'No member city matches “{query}”.': 'Ninguna ciudad miembro coincide con “{query}”.',
  '{count} city matches “{query}”.': '{count} ciudad coincide con “{query}”.',
  '{count} cities match “{query}”.': '{count} ciudades coinciden con “{query}”.',
  'Find a member city': 'Buscar una ciudad miembro',
  'Matching member cities': 'Ciudades miembro que coinciden',
  'and {count} more: type more of the name.': 'y {count} más: escriba más letras del nombre.',
  'No member city in {state} is listed in the feed yet.': 'Los datos aún no incluyen ninguna ciudad miembro en {state}.',
  '(highlighted)': '(destacada)',
  'Back to the whole country': 'Volver a todo el país',
  '{count} member city, as a list by state': '{count} ciudad miembro, en una lista por estado',
  'All {count} member cities, as a list by state': 'Las {count} ciudades miembro, en una lista por estado',
  'No member city listed in: {states}.': 'Sin ciudades miembro en: {states}.',
  '“{state}” is not a US state or territory on this map; showing the whole country.':
    '“{state}” no es un estado ni territorio de EE. UU. en este mapa; se muestra todo el país.',
  "“{highlight}” is not in the coalition's member list.": '“{highlight}” no figura en la lista de miembros de la coalición.',
  "Highlighted: {city}, one of the coalition's member cities.": 'Destacada: {city}, una de las ciudades miembro de la coalición.',
  '{count} member city of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.':
    '{count} ciudad miembro de {coalition} en {states} estados y territorios, al {date}. Fuente: {source}. Mapa: {map}.',
  '{count} member cities of {coalition} in {states} states and territories, as of {date}. Source: {source}. Map: {map}.':
    '{count} ciudades miembro de {coalition} en {states} estados y territorios, al {date}. Fuente: {source}. Mapa: {map}.',
  'Loading the member map…': 'Cargando el mapa de ciudades miembro…',
  'The member map could not be shown.': 'No se pudo mostrar el mapa de ciudades miembro.',
};
export default es;
