// The audit's data model: what `vnplans audit` finds in a corpus, before any rendering. The terminal
// table, the HTML report, the workbook and `--format json` are all views of one AuditReport.

/** What a task or target lacks. Task codes are those of the per-document findings (src/validate/findings.ts). */
export type GapCode = 'task/no-lead' | 'task/collective-lead' | 'task/no-deadline' | 'task/ongoing-only' | 'target/no-owner';

export const TASK_GAPS = ['task/no-lead', 'task/collective-lead', 'task/no-deadline', 'task/ongoing-only'] as const;

export const GAP_LABELS: Record<GapCode, string> = {
  'task/no-lead': 'no lead',
  'task/collective-lead': 'collective lead only',
  'task/no-deadline': 'no deadline',
  'task/ongoing-only': 'ongoing only',
  'target/no-owner': 'target without owner',
};

export interface AuditFilters {
  /** Substring of the issuer, compared on loose keys (case, punctuation, tone marks and diacritics ignored). */
  issuer?: string;
  year?: number;
  /** Document type: KE_HOACH, CHI_THI, … (case-insensitive, "-" for "_"). */
  type?: string;
  /** Substring of an agency's canonical name: tasks where it has any role, and its row in the agency view. */
  agency?: string;
  /** Index component prefix: "PAR.3" keeps PAR.3 and PAR.3.x. */
  index?: string;
}

export const SORT_KEYS = ['gaps', 'tasks', 'name', 'no-lead', 'collective', 'no-deadline', 'ongoing'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Gap counts shared by every view. */
export interface GapCounts {
  tasks: number;
  noLead: number;
  collectiveLead: number;
  noDeadline: number;
  ongoingOnly: number;
  targets: number;
  targetsNoOwner: number;
  arithmetic: number;
  /** noLead + collectiveLead + noDeadline + ongoingOnly + targetsNoOwner + arithmetic. */
  gaps: number;
}

export interface DocumentRow extends GapCounts {
  path: string;
  docType: string;
  number: string | null;
  issuer: string | null;
  issuedDate: string | null;
  title: string | null;
}

export interface AgencyRow {
  agency: string;
  level: string | null;
  /** Tasks where it is lead / support / executor. */
  lead: number;
  support: number;
  executor: number;
  /** Of the tasks it leads: with only collective leads (it is one of them), without a deadline, only ongoing. */
  collectiveLead: number;
  noDeadline: number;
  ongoingOnly: number;
  gaps: number;
}

export interface IndexRow extends GapCounts {
  /** Index component: "PAR.1", "SIPAS", "PAPI.5"; "(none)" for tasks no component is given. */
  component: string;
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface TaskGapRow {
  document: string;
  taskId: string;
  text: string;
  lead: string[];
  support: string[];
  deadline: { kind: string; label: string | null; end: string | null } | null;
  index: string | null;
  page: number | null;
  start: number;
  end: number;
  gaps: GapCode[];
}

export interface TargetGapRow {
  document: string;
  targetId: string;
  taskId: string | null;
  metric: string;
  text: string;
  index: string | null;
  page: number | null;
  start: number;
  end: number;
}

/** One line of the findings table: a task or target gap, or an arithmetic finding of a score table or target. */
export interface FindingRow {
  document: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  taskId: string | null;
  targetId: string | null;
  /** The task's whole text (or the target's), where the finding is about one. */
  subject: string | null;
  page: number | null;
  start: number | null;
  end: number | null;
  /** The document's normalised text around start..end, where the document's JSON is at hand. */
  snippet: Snippet | null;
}

export interface AuditReport {
  tool: string;
  schemaVersion: string;
  generated: string;
  source: string;
  filters: AuditFilters;
  sort: SortKey;
  totals: GapCounts & { documents: number; agencies: number };
  documents: DocumentRow[];
  agencies: AgencyRow[];
  indexes: IndexRow[];
  /** Every task with at least one gap, in document and text order. */
  tasks: TaskGapRow[];
  targets: TargetGapRow[];
  findings: FindingRow[];
}
