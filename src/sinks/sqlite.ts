// The corpus database: an embedded SQLite file (better-sqlite3) with documents, tasks, the agencies
// and their roles, targets, references and findings, indexed for the audit's queries. Each
// document is replaced whole in one transaction, so a re-run updates it incrementally and a
// killed run leaves every document either fully old or fully new.
import Database from 'better-sqlite3';
import type { DocumentJson } from '../document/schema.js';

export const DB_SCHEMA_VERSION = 2;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, format TEXT NOT NULL, pages INTEGER, ocr INTEGER NOT NULL,
  pipeline_version TEXT NOT NULL, doc_type TEXT NOT NULL, number TEXT, symbol TEXT, issuer TEXT, place TEXT,
  issued_date TEXT, issued_year INTEGER, title TEXT, signer_name TEXT, signer_position TEXT,
  n_tasks INTEGER NOT NULL, n_targets INTEGER NOT NULL, n_findings INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
  document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE, id TEXT NOT NULL, text TEXT NOT NULL,
  lead_source TEXT, lead_inferred INTEGER NOT NULL, deadline_kind TEXT, deadline_end TEXT, deadline_label TEXT,
  deadline_freq TEXT, index_code TEXT, section TEXT, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  PRIMARY KEY (document, id)
);
CREATE TABLE IF NOT EXISTS agencies (
  name TEXT PRIMARY KEY, level TEXT
);
CREATE TABLE IF NOT EXISTS task_agencies (
  document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE, task_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'executor')), agency TEXT NOT NULL REFERENCES agencies(name),
  printed TEXT NOT NULL, jurisdiction TEXT, position INTEGER NOT NULL,
  PRIMARY KEY (document, task_id, role, position)
);
CREATE TABLE IF NOT EXISTS targets (
  document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE, id TEXT NOT NULL, metric TEXT NOT NULL,
  comparator TEXT NOT NULL, value REAL NOT NULL, value_max REAL, unit TEXT NOT NULL, year INTEGER,
  baseline_value REAL, baseline_unit TEXT, baseline_year INTEGER, index_code TEXT, task_id TEXT, lead TEXT, text TEXT NOT NULL,
  page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  PRIMARY KEY (document, id)
);
CREATE TABLE IF NOT EXISTS refs (
  document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE, id TEXT NOT NULL, number TEXT NOT NULL,
  symbol TEXT NOT NULL, year TEXT, type TEXT, date TEXT, issuer TEXT, mentions INTEGER NOT NULL,
  PRIMARY KEY (document, id)
);
CREATE TABLE IF NOT EXISTS findings (
  document TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE, seq INTEGER NOT NULL, severity TEXT NOT NULL,
  code TEXT NOT NULL, message TEXT NOT NULL, task_id TEXT, target_id TEXT, page INTEGER,
  PRIMARY KEY (document, seq)
);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer, issued_year);
CREATE INDEX IF NOT EXISTS documents_type ON documents(doc_type, issued_year);
CREATE INDEX IF NOT EXISTS tasks_deadline ON tasks(deadline_kind);
CREATE INDEX IF NOT EXISTS tasks_index ON tasks(index_code);
CREATE INDEX IF NOT EXISTS task_agencies_agency ON task_agencies(agency, role);
CREATE INDEX IF NOT EXISTS targets_index ON targets(index_code);
CREATE INDEX IF NOT EXISTS findings_code ON findings(code);
CREATE INDEX IF NOT EXISTS refs_id ON refs(id);
`;

const bool = (b: boolean | undefined) => (b ? 1 : 0);
const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

export class CorpusDatabase {
  readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    // WAL: readers (the audit) never block the writer; NORMAL sync is safe with WAL against crashes of the process.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // A database of an older layout is dropped and rebuilt: the batch refills it from the per-file JSON.
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    const version = hasMeta ? (this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value : undefined;
    if (hasMeta && version !== String(DB_SCHEMA_VERSION)) {
      this.db.pragma('foreign_keys = OFF');
      for (const t of ['findings', 'refs', 'targets', 'task_agencies', 'tasks', 'agencies', 'documents', 'meta']) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.db.pragma('foreign_keys = ON');
    }
    this.db.exec(DDL);
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(DB_SCHEMA_VERSION));
    const p = (sql: string) => this.db.prepare(sql);
    this.statements = {
      removeDoc: p('DELETE FROM documents WHERE path = ?'),
      doc: p(`INSERT INTO documents VALUES (@path, @sha256, @format, @pages, @ocr, @pipeline_version, @doc_type, @number, @symbol, @issuer,
        @place, @issued_date, @issued_year, @title, @signer_name, @signer_position, @n_tasks, @n_targets, @n_findings)`),
      task: p(`INSERT INTO tasks VALUES (@document, @id, @text, @lead_source, @lead_inferred, @deadline_kind, @deadline_end, @deadline_label,
        @deadline_freq, @index_code, @section, @page, @start, @end)`),
      agency: p('INSERT INTO agencies (name, level) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET level = coalesce(agencies.level, excluded.level)'),
      taskAgency: p('INSERT INTO task_agencies VALUES (@document, @task_id, @role, @agency, @printed, @jurisdiction, @position)'),
      target: p(`INSERT INTO targets VALUES (@document, @id, @metric, @comparator, @value, @value_max, @unit, @year, @baseline_value,
        @baseline_unit, @baseline_year, @index_code, @task_id, @lead, @text, @page, @start, @end)`),
      ref: p('INSERT INTO refs VALUES (@document, @id, @number, @symbol, @year, @type, @date, @issuer, @mentions)'),
      finding: p('INSERT INTO findings VALUES (@document, @seq, @severity, @code, @message, @task_id, @target_id, @page)'),
      sha: p('SELECT sha256, pipeline_version AS pipelineVersion FROM documents WHERE path = ?'),
    };
  }

  /** Replace one document and everything that hangs from it, in one transaction. */
  upsert(doc: DocumentJson): void {
    const s = this.statements;
    const document = doc.source.path;
    this.db.transaction(() => {
      s.removeDoc.run(document);
      s.doc.run({
        path: document, sha256: doc.source.sha256, format: doc.source.format, pages: doc.source.pages, ocr: bool(doc.source.ocr),
        pipeline_version: doc.source.pipelineVersion, doc_type: doc.meta.docType, number: doc.meta.number, symbol: doc.meta.symbol,
        issuer: doc.meta.issuer, place: doc.meta.place, issued_date: doc.meta.issuedDate, issued_year: yearOf(doc.meta.issuedDate),
        title: doc.meta.title, signer_name: doc.meta.signer?.name ?? null, signer_position: doc.meta.signer?.position ?? null,
        n_tasks: doc.tasks.length, n_targets: doc.targets.length, n_findings: doc.findings.length,
      });
      for (const t of doc.tasks) {
        s.task.run({
          document, id: t.id, text: t.text, lead_source: t.leadSource ?? null, lead_inferred: bool(t.inferred),
          deadline_kind: t.deadline?.kind ?? null, deadline_end: t.deadline?.end ?? null, deadline_label: t.deadline?.label ?? null,
          deadline_freq: t.deadline?.freq ?? null, index_code: t.index, section: t.section ?? null, page: t.provenance.page,
          start: t.provenance.start, end: t.provenance.end,
        });
        const roles = [['lead', t.lead], ['support', t.support], ['executor', t.executors]] as const;
        for (const [role, list] of roles)
          list.forEach((a, position) => {
            s.agency.run(a.name, a.level ?? null);
            s.taskAgency.run({ document, task_id: t.id, role, agency: a.name, printed: a.text, jurisdiction: a.jurisdiction ?? null, position });
          });
      }
      for (const t of doc.targets)
        s.target.run({
          document, id: t.id, metric: t.metric, comparator: t.comparator, value: t.value, value_max: t.valueMax ?? null, unit: t.unit,
          year: t.year ?? null, baseline_value: t.baseline?.value ?? null, baseline_unit: t.baseline?.unit ?? null,
          baseline_year: t.baseline?.year ?? null, index_code: t.index ?? null, task_id: t.taskId ?? null,
          lead: t.lead?.length ? t.lead.map((a) => a.name).join('; ') : null, text: t.text,
          page: t.provenance.page, start: t.provenance.start, end: t.provenance.end,
        });
      for (const r of doc.references)
        s.ref.run({ document, id: r.id, number: r.number, symbol: r.symbol, year: r.year, type: r.type, date: r.date, issuer: r.issuer, mentions: r.mentions.length });
      doc.findings.forEach((f, seq) =>
        s.finding.run({ document, seq, severity: f.severity, code: f.code, message: f.message, task_id: f.taskId ?? null, target_id: f.targetId ?? null, page: f.provenance?.page ?? null }),
      );
    })();
  }

  /** What the database holds for a path: to skip documents that are already current. */
  current(path: string): { sha256: string; pipelineVersion: string } | undefined {
    return this.statements.sha.get(path) as { sha256: string; pipelineVersion: string } | undefined;
  }

  remove(path: string): void {
    this.statements.removeDoc.run(path);
  }

  close(): void {
    this.db.close();
  }
}
