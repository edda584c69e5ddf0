// Entities: what the document says, read off its structure: references, data tables, tasks with
// their owners, deadlines and index links, targets, and the findings of the audit.
import type { DocStructure, NormalizedText } from '../types.js';
import type { Entities } from '../document/assemble.js';
import type { TaskJson } from '../document/schema.js';
import { findReferences } from './references.js';
import { extractTables } from './tables.js';
import { extractTasks } from './tasks.js';
import { detectFramework } from './indexlinks.js';
import { walk } from '../structure/tree.js';
import { readDeadline } from './deadlines.js';
import { extractTargets } from './targets.js';
import { indexFromContent } from './topics.js';
import { jurisdictionsOf, withJurisdiction } from '../registry/jurisdiction.js';

export function extractEntities(norm: NormalizedText, struct: DocStructure): Entities {
  const tables = extractTables(norm);
  const headings = [...walk(struct.sections)].filter(([n]) => n.heading).map(([n]) => n.text);
  const framework = detectFramework([struct.meta.title ?? '', ...headings]);
  const drafts = extractTasks({ norm, struct, tables, framework });
  // The year the plan is for: the last year its title names, else its issue year.
  const titleYears = [...(struct.meta.title ?? '').matchAll(/\d{4}/g)].map((m) => +m[0]);
  const titleYear = titleYears.length ? titleYears[titleYears.length - 1]! : null;
  const planYear = titleYears.length ? titleYears[titleYears.length - 1]! : struct.meta.issuedDate ? +struct.meta.issuedDate.slice(0, 4) : null;
  const issueYear = struct.meta.issuedDate ? +struct.meta.issuedDate.slice(0, 4) : null;
  // Nothing is due before the document exists: earlier years are results under discussion.
  const floorYear = issueYear ?? planYear;
  const places = jurisdictionsOf(struct.meta.issuerLines, norm.text);
  const own = (list: typeof drafts[number]['lead']) => list.map((a) => withJurisdiction(a, places));
  const tasks: TaskJson[] = drafts.map((d) => ({
    id: d.id,
    text: d.text,
    lead: own(d.lead),
    support: own(d.support),
    executors: own(d.executors),
    leadSource: d.leadSource,
    inferred: d.inferred,
    deadline: readDeadline(d.text, planYear, floorYear) ?? (d.inheritedTime ? readDeadline(d.inheritedTime, planYear, floorYear) : null),
    // Where no heading or row names the component, the subject matter may, when one plainly fits.
    index: d.index ?? indexFromContent(d.text, framework),
    section: d.section,
    provenance: { page: d.page, start: d.start, end: d.end },
  }));
  const targets = extractTargets({ norm, struct, tables, tasks, framework, titleYear });
  return {
    references: findReferences(norm, struct.regions, struct.meta),
    tables,
    tasks,
    targets,
    findings: [],
  };
}
