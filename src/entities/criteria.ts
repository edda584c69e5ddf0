// Criterion inference: where an assignment block splits a section by criterion ("tiêu chí 1.1, 1.2
// do Phòng Nội vụ chủ trì; 1.4 do Phòng Văn hóa – TT chủ trì") and the task names none, the task's
// words are matched (tf-idf, natural) against the criteria as the document itself names them.
import { foldKey } from '../normalize/unicode.js';
import { dedupeAgencies, type Agency } from '../registry/agencies.js';
import { TfIdf } from '../util/natural.js';
import type { AssignmentBlock } from './assignments.js';
import type { DataTable } from './tables.js';

/** Words every criterion shares in these documents: no evidence for one over another. */
const GENERIC = new Set(['thực', 'hiện', 'công', 'tác', 'cchc', 'cải', 'cách', 'hành', 'chính', 'các', 'của', 'và', 'trong', 'theo', 'được', 'năm', 'triển', 'khai', 'huyện', 'tỉnh', 'với', 'về', 'để', 'có', 'cho', 'đối', 'việc']);

/** Actor names ("Chủ tịch UBND tỉnh", "HĐND huyện") say who, not what: no evidence of the topic. */
const ACTORS = /(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)(?:\s+(?:tỉnh|huyện|xã|thành phố|cấp\s+\S+))?|Chủ tịch/giu;

function terms(text: string): string[] {
  const words = foldKey(text.replace(ACTORS, ' ')).split(' ').filter((w) => w && !/^\d/.test(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!GENERIC.has(words[i]!)) out.push(words[i]!);
    if (i + 1 < words.length && !(GENERIC.has(words[i]!) && GENERIC.has(words[i + 1]!))) out.push(`${words[i]}_${words[i + 1]}`);
  }
  return out;
}

/** The document's own name of each criterion code: the score table row whose first cell is the code. */
function criterionLabels(codes: string[], tables: DataTable[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const t of tables) for (const r of t.rows) if (codes.includes((r[0] ?? '').replace(/\.$/, ''))) labels.set(r[0]!.replace(/\.$/, ''), r[1] ?? '');
  return labels;
}

/** The lead of the criterion the task is about; an enumeration of weak points gets each point's lead. */
export function inferCriteria(text: string, block: AssignmentBlock, tables: DataTable[]): Agency[] {
  const codes = [...block.criteria.keys()];
  const labels = criterionLabels(codes, tables);
  const tfidf = new TfIdf();
  const used = codes.filter((c) => labels.get(c));
  for (const c of used) tfidf.addDocument(terms(labels.get(c)!));
  // The default: the body that owns most criteria (the standing body of the field).
  const counts = new Map<string, { n: number; lead: Agency[] }>();
  for (const lead of block.criteria.values()) {
    const k = lead.map((a) => foldKey(a.name)).join('|');
    const e = counts.get(k) ?? { n: 0, lead };
    e.n++;
    counts.set(k, e);
  }
  const fallback = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.lead ?? block.lead;
  if (!used.length) return fallback;
  const top = (clause: string): Agency[] | null => {
    const scores = tfidf.tfidfs(terms(clause)) as number[];
    let bi = -1;
    let bs = 0;
    scores.forEach((s, i) => {
      if (s > bs) {
        bs = s;
        bi = i;
      }
    });
    return bi >= 0 && bs >= 1 ? (block.criteria.get(used[bi]!) ?? null) : null;
  };
  // "… chưa đạt điểm tối đa: A; B; C": each weak point names its own criterion.
  const colon = text.indexOf(':');
  const clauses = colon >= 0 ? text.slice(colon + 1).split(/;\s*/).filter((c) => c.trim().length > 10) : [];
  if (clauses.length >= 2) {
    const leads = clauses.map(top).filter((x): x is Agency[] => !!x);
    if (leads.length) return dedupeAgencies(leads.flat());
  }
  return top(text) ?? fallback;
}
