import type { Catalog } from './i18n.js';

/** Spanish for the strings every widget shares (base element, feed errors): the key is the English text exactly as the code writes it. */
const es: Catalog = {
  'Try again': 'Intentar de nuevo',
  Details: 'Detalles',
  'The live data could not be loaded. Showing a copy saved on {date}; it may be out of date.':
    'No se pudieron cargar los datos en vivo. Se muestra una copia guardada el {date}; puede estar desactualizada.',
  'The live data could not be loaded. Showing a copy; it may be out of date.':
    'No se pudieron cargar los datos en vivo. Se muestra una copia; puede estar desactualizada.',
  'The data feed could not be reached. Check your connection and try again.':
    'No se pudo acceder a la fuente de datos. Revise su conexión e inténtelo de nuevo.',
  'The data feed took too long to answer. Try again in a moment.':
    'La fuente de datos tardó demasiado en responder. Inténtelo de nuevo en un momento.',
  'The data feed answered with an error (HTTP {status}).': 'La fuente de datos respondió con un error (HTTP {status}).',
  'The data feed sent something that is not valid JSON.': 'La fuente de datos envió algo que no es JSON válido.',
  'The data feed is in a format this widget does not understand.': 'La fuente de datos tiene un formato que este widget no entiende.',
  'The data feed does not contain what this widget needs.': 'La fuente de datos no contiene lo que este widget necesita.',
  'Something went wrong while loading this widget.': 'Algo salió mal al cargar este widget.',
};
export default es;
