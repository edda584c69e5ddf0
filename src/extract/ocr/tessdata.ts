// Where the OCR engine's files live: all from node_modules, nothing from the network.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The folder holding `vie.traineddata.gz` from @tesseract.js-data/vie: the LSTM "best_int" model
 * (the one tesseract.js itself picks for LSTM-only recognition).
 */
export function vieLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0_best_int');
}

/** The gzipped traineddata file itself (for tools that want the model outside tesseract.js). */
export const vieTraineddataGz = () => path.join(vieLangPath(), 'vie.traineddata.gz');

/** The folder of tesseract.js-core's wasm builds: tesseract.js requires them from here in Node. */
export function corePath(): string {
  return path.dirname(require.resolve('tesseract.js-core/package.json'));
}
