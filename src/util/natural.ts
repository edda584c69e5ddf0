// natural, imported module by module: its root index also loads storage back-ends that read a
// .env file and print to stdout when merely imported.
import distance from 'natural/lib/natural/distance/index.js';
import tfidf from 'natural/lib/natural/tfidf/index.js';

export const { DamerauLevenshteinDistance, JaroWinklerDistance, LevenshteinDistance } = distance;
export const { TfIdf } = tfidf;
