// The agency registry: owner phrases → agencies with a canonical name beside the printed text.
// Handles lists ("Các Sở: Nội vụ, Khoa học và Công nghệ"), elided head nouns ("Phòng Văn hóa – Thông tin,
// Nội vụ"), names with commas inside ("Sở Văn hóa, Thể thao và Du lịch", "UBND các xã, thị trấn"),
// people's titles ("Giám đốc các sở" → "Các sở"), abbreviations and OCR-damaged names.
import { DamerauLevenshteinDistance } from '../util/natural.js';
import { foldKey, stripDiacritics } from '../normalize/unicode.js';

export type AgencyLevel = 'central' | 'province' | 'district' | 'commune' | 'internal' | 'collective' | 'other';

export interface Agency {
  /** Canonical name. */
  name: string;
  /** As printed. */
  text: string;
  level?: AgencyLevel;
}

/** Fields of specialised bodies (sở at province level, phòng at district level), canonical spelling. */
export const FIELDS = [
  'Nội vụ',
  'Tư pháp',
  'Kế hoạch và Đầu tư',
  'Tài chính',
  'Công Thương',
  'Nông nghiệp và Phát triển nông thôn',
  'Nông nghiệp và Môi trường',
  'Tài nguyên và Môi trường',
  'Giao thông vận tải - Xây dựng',
  'Giao thông vận tải',
  'Xây dựng',
  'Thông tin và Truyền thông',
  'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hóa và Thể thao',
  'Văn hóa - Thông tin',
  'Văn hóa và Thông tin',
  'Văn hóa, Khoa học và Thông tin',
  'Du lịch',
  'Khoa học và Công nghệ',
  'Giáo dục và Đào tạo',
  'Y tế',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
  'Dân tộc',
  'Tài chính - Kế hoạch',
  'Kinh tế',
  'Kinh tế và Hạ tầng',
  'Kinh tế, Hạ tầng và Đô thị',
  'Quản lý đô thị',
];

/** Field abbreviations met in names ("Sở TT&TT", "Phòng VH-TT"), keyed by their folded form. */
const FIELD_ABBREVIATIONS: Record<string, string> = {
  'tt&tt': 'Thông tin và Truyền thông',
  tttt: 'Thông tin và Truyền thông',
  'kh&đt': 'Kế hoạch và Đầu tư',
  khđt: 'Kế hoạch và Đầu tư',
  'kh&cn': 'Khoa học và Công nghệ',
  khcn: 'Khoa học và Công nghệ',
  'gd&đt': 'Giáo dục và Đào tạo',
  gdđt: 'Giáo dục và Đào tạo',
  'lđ-tb&xh': 'Lao động - Thương binh và Xã hội',
  lđtbxh: 'Lao động - Thương binh và Xã hội',
  'nn&ptnt': 'Nông nghiệp và Phát triển nông thôn',
  'tn&mt': 'Tài nguyên và Môi trường',
  tnmt: 'Tài nguyên và Môi trường',
  gtvt: 'Giao thông vận tải',
  vhttdl: 'Văn hóa, Thể thao và Du lịch',
  'vh-tt&dl': 'Văn hóa, Thể thao và Du lịch',
  'vh-tt': 'Văn hóa - Thông tin',
  vhtt: 'Văn hóa - Thông tin',
  'văn hóa - tt': 'Văn hóa - Thông tin',
  'tc-kh': 'Tài chính - Kế hoạch',
};

/** Head nouns of bodies that take a field ("Sở", "Phòng", "Bộ"). */
const FIELD_HEADS = ['Sở', 'Phòng', 'Bộ'];

/** Head nouns that start an agency name. Longest first. */
const HEADS = [
  'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
  'Văn phòng HĐND và UBND',
  'Văn phòng Ủy ban nhân dân',
  'Văn phòng UBND',
  'Văn phòng',
  'Ủy ban Mặt trận Tổ quốc',
  'Ủy ban MTTQ',
  'Ủy ban nhân dân',
  'UBMTTQ',
  'UBND',
  'HĐND',
  'Hội đồng nhân dân',
  'Ban Chỉ đạo',
  'Ban Thường vụ',
  'Ban Quản lý',
  'Ban Dân tộc',
  'Ban',
  'Sở',
  'Phòng',
  'Bộ phận',
  'Bộ',
  'Thanh tra',
  'Công an',
  'Bưu điện',
  'Đài Phát thanh và Truyền hình',
  'Đài PT-TH',
  'Đài PT&TH',
  'Báo',
  'Trung tâm',
  'Cục',
  'Chi cục',
  'Kho bạc',
  'Bảo hiểm xã hội',
  'BHXH',
  'Tòa án nhân dân',
  'Viện Kiểm sát nhân dân',
  'Hội',
  'Đoàn',
  'Liên đoàn',
  'Cổng Thông tin điện tử',
  'Trang Thông tin',
  'Điện lực',
  'Tỉnh ủy',
  'Huyện ủy',
  'Thành ủy',
  'Chính phủ',
  'Thủ tướng Chính phủ',
  'Tổ',
].sort((a, b) => b.length - a.length);

/** People's titles that stand for their body: dropped from owner names. */
const PERSON_TITLES =
  /^(?:Thủ trưởng|Giám đốc|Phó Giám đốc|Chủ tịch|Phó Chủ tịch|Trưởng|Chánh|Người đứng đầu|Lãnh đạo|Chánh Văn phòng|Chánh Thanh tra|Bí thư|các thành viên|thành viên)\s+(?=\S)/iu;

/** Collectives whose commas belong to the name: protected before a list is split. */
const COMMA_NAMES = [
  /sở,\s*ban,?\s*ngành(?:,\s*(?:địa phương|đoàn thể))*/giu,
  /sở,\s*ngành(?:,\s*địa phương)?/giu,
  /cơ quan,\s*đơn vị(?:,\s*địa phương)?/giu,
  /cơ quan,\s*tổ chức/giu,
  /phòng,\s*ban,?\s*đơn vị/giu,
  /phòng,\s*đơn vị/giu,
  /phòng,\s*ban/giu,
  /huyện,\s*thị xã,\s*thành phố/giu,
  /huyện,\s*thành phố/giu,
  /xã,\s*phường,\s*thị trấn/giu,
  /xã,\s*thị trấn/giu,
  /xã,\s*phường/giu,
  /cấp,\s*các ngành/giu,
  // Generic bodies sharing one "các cấp": "Cấp ủy, chính quyền, cơ quan nhà nước các cấp".
  /(?:cấp ủy(?: đảng)?|chính quyền|cơ quan(?: nhà nước| hành chính(?: nhà nước)?)?|đoàn thể|Mặt trận Tổ quốc)(?:,\s*(?:cấp ủy(?: đảng)?|chính quyền|cơ quan(?: nhà nước| hành chính(?: nhà nước)?)?|đoàn thể|Mặt trận Tổ quốc))+\s+các cấp/giu,
  /các cấp,\s*ngành/giu,
  /Văn hóa,\s*Thể thao và Du lịch/gu,
  /Văn hóa,\s*Khoa học và Thông tin/gu,
  /Kinh tế,\s*Hạ tầng và Đô thị/gu,
];

/** Names with "và" inside: "Kế hoạch và Đầu tư", "HĐND và UBND", "Phát thanh và Truyền hình". */
const AND_NAMES = [
  ...FIELDS.filter((f) => f.includes(' và ')),
  'HĐND và UBND',
  'Hội đồng nhân dân và Ủy ban nhân dân',
  'Phát thanh và Truyền hình',
  'Phát triển nông thôn',
].sort((a, b) => b.length - a.length);

/** "(các) cơ quan, đơn vị (có) liên quan" and the like: partners that name nobody. */
const VAGUE = /^(?:các\s+)?(?:cơ quan|đơn vị|sở|ngành|cấp|địa phương|bộ phận|tổ chức|cá nhân)[^;]*\s(?:có\s+)?liên quan$/iu;

export function isVaguePartner(name: string): boolean {
  const k = foldKey(name);
  return VAGUE.test(k) || /^(các\s+)?(cơ quan|đơn vị|cơ quan đơn vị) (có )?liên quan$/u.test(k);
}

const SEP = '\u0001';
const AND = '\u0002';

/** AND_NAMES as patterns, compiled once: dashes of either kind, any spacing, commas shielded or not. */
const AND_NAME_RES = AND_NAMES.map((n) => new RegExp(n.replace(/[-–]/g, '[-–]').replace(/\s+/g, '\\s+').replace(/,/g, '[,\u0001]'), 'giu'));

/** Shield commas and "và" that belong inside names before splitting a list. */
function protect(s: string): string {
  let t = s;
  if (t.includes(',')) for (const re of COMMA_NAMES) t = t.replace(re, (m) => m.replace(/,/g, SEP));
  if (/\svà\s/iu.test(t)) for (const re of AND_NAME_RES) t = t.replace(re, (m) => m.replace(/ và /g, ` ${AND} `));
  return t;
}
const unprotect = (s: string) => s.replace(new RegExp(SEP, 'g'), ',').replace(new RegExp(AND, 'g'), 'và');

const cap1 = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const HEADS_LOWER = HEADS.map((h) => h.toLowerCase());

function headOf(name: string): string | null {
  const lower = name.toLowerCase();
  const plural = /^(các|Các)\s/u.test(name);
  for (let i = 0; i < HEADS.length; i++) {
    const h = HEADS[i]!;
    if (name.startsWith(h + ' ') || name === h) return h;
    if (!plural && lower.startsWith(HEADS_LOWER[i]! + ' ')) return h;
  }
  return null;
}

/** Canonical spelling of one agency name (after titles are dropped). */
export function canonicalName(printed: string): string {
  let t = printed.trim().replace(/\s+/g, ' ').replace(/[.;,:]+$/, '');
  t = t.replace(/^Ủy ban nhân dân(?=\s|$)/u, 'UBND').replace(/^Hội đồng nhân dân(?=\s|$)/u, 'HĐND');
  t = t.replace(/^Văn phòng Ủy ban nhân dân/u, 'Văn phòng UBND').replace(/^VP\s*UBND/u, 'Văn phòng UBND');
  t = t.replace(/^Văn phòng Hội đồng nhân dân và Ủy ban nhân dân/u, 'Văn phòng HĐND và UBND');
  t = t.replace(/\s*[-–]\s*/g, ' – ').replace(/ – (?=\p{Ll})/gu, ' - ');
  // Field abbreviations after a field head: "Sở TT&TT", "Phòng VH-TT", "Phòng Văn hóa – TT".
  for (const h of FIELD_HEADS) {
    if (!t.startsWith(h + ' ')) continue;
    const rest = t.slice(h.length + 1);
    for (const [abbr, full] of Object.entries(FIELD_ABBREVIATIONS)) {
      const k = foldKey(rest.replace(/ – /g, '-'));
      if (k === abbr || k.startsWith(abbr + ' ')) {
        t = `${h} ${full}${rest.slice(rest.length - (k.length - abbr.length))}`.trimEnd();
        break;
      }
    }
    t = t.replace(/^(\S+) Văn hóa – TT(?=\s|$)/u, '$1 Văn hóa – Thông tin');
  }
  // Collectives keep the document's words, capitalised: "các sở, ban, ngành" → "Các sở, ban, ngành".
  return cap1(t);
}

function levelOf(name: string): AgencyLevel {
  const k = foldKey(name);
  if (/^các /u.test(k) || /(các|cấp) (huyện|xã)/u.test(k)) return 'collective';
  if (/(^| )(xã|phường|thị trấn)( |$)/u.test(k)) return 'commune';
  if (/(^| )(huyện|quận|thị xã)( |$)/u.test(k) || /^phòng /u.test(k)) return 'district';
  if (/^bộ |chính phủ|trung ương/u.test(k)) return 'central';
  if (/thuộc sở|sở$/u.test(k) && !/^sở /u.test(k)) return 'internal';
  if (/(^| )tỉnh( |$)|^sở /u.test(k)) return 'province';
  return 'other';
}

/** Drop a person's title: "Giám đốc các sở, ban, ngành" → "các sở, ban, ngành"; "Chủ tịch UBND …" → "UBND …". */
export function dropTitle(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3 && PERSON_TITLES.test(t); i++) t = t.replace(PERSON_TITLES, '');
  // "Ban Giám đốc" is a body; "Giám đốc Sở X" is the Sở.
  return t;
}

/** A comma list item without its own head noun borrows the previous item's: "Phòng Văn hóa – Thông tin, Nội vụ". */
function needsHead(item: string): boolean {
  if (/^(?:các|Các)\s/u.test(item)) return false;
  if (headOf(item)) return false;
  return /^(?:cấp\s|[\p{Lu}])/u.test(item) && FIELDS.some((f) => foldKey(item).startsWith(foldKey(f))) || /^cấp\s/u.test(item);
}

export interface ParseOptions {
  /** Drop "(các) cơ quan, đơn vị liên quan" (for partners). */
  dropVague?: boolean;
}

/**
 * Split an owner phrase into agencies. The phrase is what an assignment line, a heading, a table
 * cell or a task's subject names: "Các Sở: Nội vụ, Khoa học và Công nghệ, các thành viên Ban Chỉ đạo
 * CCHC tỉnh", "Phòng Tài chính – Kế hoạch, Thanh tra nhà nước huyện", "UBND cấp huyện, cấp xã".
 */
export function parseAgencyList(phrase: string, options: ParseOptions = {}): Agency[] {
  let s = phrase
    .replace(/\s+/g, ' ')
    .replace(/^[-+•]\s*/, '')
    .replace(/\s*\((?:[^()]*?)\)\s*/g, ' ')
    .replace(/\s+(?:thực hiện|triển khai)?\s*theo chức năng,? nhiệm vụ(?: được giao)?.*$/iu, '')
    .replace(/[.;,:\s]+$/, '')
    .trim();
  if (!s) return [];
  // Distributive head: "Các Sở: Nội vụ, Tư pháp" / "Giám đốc các Sở: …".
  let distributive: string | null = null;
  const dm = /^(?:(?:Thủ trưởng|Giám đốc)\s+)?(?:các|Các)\s+(Sở|Phòng|Bộ|sở|phòng|bộ)\s*:\s*(.+)$/u.exec(s);
  if (dm) {
    distributive = cap1(dm[1]!.toLowerCase());
    s = dm[2]!;
  }
  const items = protect(s)
    .split(/\s*[;,]\s*|\s+và\s+(?=(?:các\s+|Các\s+)?[\p{Lu}]|các\s)/u)
    .map((x) => unprotect(x).trim())
    .filter(Boolean);
  // "các cơ quan trung ương, doanh nghiệp nhà nước đóng trên địa bàn X": central bodies are the ones
  // stationed locally, so the locative of the item after them is theirs too.
  for (let i = items.length - 1; i > 0; i--) {
    const where = /\s(đóng (?:trên|tại) địa bàn .+)$/u.exec(items[i]!);
    if (!where) continue;
    for (let j = i - 1; j >= 0 && /trung ương$/u.test(items[j]!); j--) items[j] = `${items[j]} ${where[1]}`;
  }
  const out: Agency[] = [];
  let lastHead: string | null = null;
  for (const raw of items) {
    let item = dropTitle(raw);
    // "các Ủy ban Mặt trận Tổ quốc": the plural of one named body.
    item = item.replace(/^các\s+(?=Ủy ban Mặt trận|Ủy ban MTTQ|UBMTTQ)/u, '');
    if (distributive && !headOf(item) && !/^(các|Các)\s/u.test(item)) item = `${distributive} ${item}`;
    else if (lastHead && needsHead(item)) item = `${lastHead} ${item}`;
    // A bare commune list names the communes' people's committees.
    if (/^(?:các\s+)?xã,\s*(?:phường,\s*)?thị trấn$/iu.test(item) || /^các xã$/iu.test(item)) item = `UBND ${item.replace(/^Các/u, "các")}`;
    const head = headOf(item);
    if (head) lastHead = head === 'Ủy ban nhân dân' ? 'UBND' : head;
    if (!item) continue;
    if (options.dropVague && isVaguePartner(item)) continue;
    const name = canonicalName(item);
    out.push({ name, text: raw, level: levelOf(name) });
  }
  return dedupeAgencies(out);
}

/** Agencies once each, by canonical name, first mention kept. */
export function dedupeAgencies(list: Agency[]): Agency[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = foldKey(a.name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Known full names for fuzzy matching of damaged text: every field head with every field. */
const KNOWN = FIELD_HEADS.flatMap((h) => FIELDS.map((f) => `${h} ${f}`));
/** Loose key: no diacritics, no "và" (often dropped: "Sở Tài nguyên Môi trường"). */
const looseKey = (s: string) => stripDiacritics(foldKey(s)).replace(/(^| )va(?= |$)/g, '').replace(/\s+/g, ' ').trim();
const KNOWN_KEYS = KNOWN.map(looseKey);

/**
 * The closest known name to a damaged one ("Sở Tài nguyên Môi trường", OCR "Sở Nội vu"), or null.
 * Uses natural's Damerau–Levenshtein on diacritic-free keys.
 */
export function closestKnownName(name: string, maxDistance = 2): string | null {
  const k = looseKey(name);
  let best: string | null = null;
  let bestD = maxDistance + 1;
  KNOWN_KEYS.forEach((known, i) => {
    if (Math.abs(known.length - k.length) > maxDistance) return;
    const d = DamerauLevenshteinDistance(k, known);
    if (d < bestD) {
      bestD = d;
      best = KNOWN[i]!;
    }
  });
  return best;
}
