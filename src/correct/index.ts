// Post-OCR correction for Vietnamese (issue 4): syllables that cannot exist mended to the nearest valid
// one, diacritic confusions settled by context, genre phrases and agency names given their marks back,
// low-confidence words flagged. See README "OCR correction".
export { correctOcr } from './document.js';
export { correctText } from './text.js';
export { correctWords, type CorrectOptions, type WordIn, type WordOut } from './words.js';
export { buildModelData, defaultModel, modelFrom, type ModelData, type SyllableModel } from './model.js';
