// Plain text and markdown exports (e.g. a converter's .txt/.md): lines, pipe and tab tables.
import { extractText } from '../src/extract/text/index.js';
import { resolveLimits } from '../src/limits.js';
import type { Pipeline } from './pipeline.js';

export const textPipeline: Pipeline = {
  name: 'text',
  formats: ['text'],
  extract: async (bytes, options) => extractText(bytes, { maxBytes: (options.limits ?? resolveLimits()).textBytes }),
};
