import type { Catalog } from '../shared/i18n/i18n.js';

/**
 * Spanish for this widget's strings: the key is the English text exactly as the code writes it.
 * The statement itself has no Spanish version in the coalition's sources: it stays English,
 * marked `lang="en"`, under the note below.
 */
const es: Catalog = {
  'Loading the Statement of Principles…': 'Cargando la Declaración de Principios…',
  'The Statement of Principles could not be shown.': 'No se pudo mostrar la Declaración de Principios.',
  'There is no version "{id}" of the Statement of Principles. Versions published: {known}.':
    'No existe la versión "{id}" de la Declaración de Principios. Versiones publicadas: {known}.',
  'The Statement of Principles is available in English only.': 'La Declaración de Principios solo está disponible en inglés.',
  'Expand all': 'Mostrar todo',
  'Collapse all': 'Ocultar todo',
  'Join {name}': 'Únase a {name}',
  'Source: {source}.': 'Fuente: {source}.',
};
export default es;
