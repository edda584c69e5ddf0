// Entities: what the document says, read off its structure: references, data tables (tasks,
// targets and findings arrive in the next stage modules).
import type { DocStructure, NormalizedText } from '../types.js';
import type { Entities } from '../document/assemble.js';
import { findReferences } from './references.js';
import { extractTables } from './tables.js';

export function extractEntities(norm: NormalizedText, struct: DocStructure): Entities {
  return {
    references: findReferences(norm, struct.regions, struct.meta),
    tables: extractTables(norm),
    tasks: [],
    targets: [],
    findings: [],
  };
}
