// Recurring phrases of the genre and the registry's agency names, matched on diacritic-free keys so
// that a phrase whose marks OCR lost or misread ("Uy ban nhan dan", "tố chức", "Văn hóa và Thế thao")
// gets its marks back. Generic genre vocabulary only (header lines, section titles, set collocations).
import { FIELDS } from '../registry/agencies.js';
import { stripDiacritics } from '../normalize/unicode.js';
import { DamerauLevenshteinDistance } from '../util/natural.js';

const GENRE = [
  // header, title, closing (NĐ 30/2020 layout)
  'Ủy ban nhân dân', 'Hội đồng nhân dân', 'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Độc lập - Tự do - Hạnh phúc',
  'Kế hoạch', 'Chỉ thị', 'Quyết định', 'Thông báo', 'Báo cáo', 'Nghị quyết', 'Công văn', 'Tờ trình',
  'Nơi nhận', 'Kính gửi', 'Như trên', 'Căn cứ', 'Chủ tịch', 'Phó Chủ tịch', 'Giám đốc', 'Phó Giám đốc',
  'Chánh Văn phòng', 'Thủ trưởng', 'người đứng đầu', 'Thủ tướng Chính phủ', 'Chính phủ', 'Ban Chỉ đạo',
  'Văn phòng Ủy ban nhân dân', 'Ủy ban Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc', 'Tỉnh ủy', 'Huyện ủy',
  'Thành ủy', 'Bộ Nội vụ', 'Nghị định', 'Thông tư', 'Luật',
  // section titles
  'mục đích, yêu cầu', 'mục tiêu', 'nhiệm vụ, giải pháp', 'nhiệm vụ và giải pháp', 'tổ chức thực hiện',
  'kinh phí thực hiện', 'nội dung', 'phân công nhiệm vụ', 'chế độ báo cáo',
  // administrative reform vocabulary
  'cải cách hành chính', 'thủ tục hành chính', 'kiểm soát thủ tục hành chính', 'Chỉ số cải cách hành chính',
  'Chỉ số hài lòng', 'sự hài lòng', 'sự phục vụ', 'hành chính công', 'hành chính nhà nước',
  'Chỉ số Hiệu quả quản trị và hành chính công', 'Chỉ số năng lực cạnh tranh cấp tỉnh',
  'cơ quan hành chính nhà nước', 'cơ quan, đơn vị', 'cơ quan chuyên môn', 'đơn vị sự nghiệp công lập',
  'cán bộ, công chức, viên chức', 'tổ chức, cá nhân', 'người dân, doanh nghiệp', 'tổ chức bộ máy',
  'chính quyền điện tử', 'chính quyền số', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'Cổng Dịch vụ công',
  'Cổng Thông tin điện tử', 'một cửa liên thông', 'Bộ phận Một cửa', 'Trung tâm Phục vụ hành chính công',
  'ứng dụng công nghệ thông tin', 'văn bản quy phạm pháp luật', 'cải cách tài chính công', 'hiện đại hóa',
  'công vụ', 'công chức', 'viên chức', 'kỷ luật, kỷ cương', 'phản ánh, kiến nghị', 'hồ sơ', 'phần mềm',
  // set collocations of assignments and deadlines
  'chủ trì, phối hợp', 'phối hợp', 'triển khai', 'tổ chức', 'kiểm tra', 'giám sát', 'đánh giá', 'theo dõi',
  'tuyên truyền', 'tổng hợp', 'định kỳ', 'hằng năm', 'hàng năm', 'trước ngày', 'thường xuyên', 'kịp thời',
  'hiệu quả', 'nghiêm túc', 'trách nhiệm', 'chức năng, nhiệm vụ', 'quy định', 'trên địa bàn', 'địa phương',
  'các sở, ban, ngành', 'xã, phường, thị trấn', 'tỉnh, thành phố', 'huyện, thành phố', 'cụ thể', 'tổng thể',
  'chỉ đạo, điều hành', 'khắc phục', 'tồn tại, hạn chế', 'nâng cao', 'cải thiện', 'duy trì',
];

export interface Phrase {
  /** The phrase's words as printed in the list (punctuation stripped). */
  words: string[];
  /** Per word: lower case, no marks. */
  keys: string[];
  key: string;
}

const wordKey = (w: string) => stripDiacritics(w.normalize('NFC')).toLowerCase();

function phrase(text: string): Phrase {
  const words = text.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).filter(Boolean);
  const keys = words.map(wordKey);
  return { words, keys, key: keys.join(' ') };
}

/** Genre phrases, the registry's fields and the names of their bodies ("Sở …", "Phòng …"), longest first. */
export const PHRASES: Phrase[] = [
  ...new Map(
    [...GENRE, ...FIELDS, ...FIELDS.flatMap((f) => [`Sở ${f}`, `Phòng ${f}`])]
      .map(phrase)
      .filter((p) => p.words.length >= 2)
      .map((p) => [p.key, p] as const),
  ).values(),
].sort((a, b) => b.words.length - a.words.length || b.key.length - a.key.length);

/**
 * Phrase words proposed for word positions: position → the phrase's spelling of that word. `keys` are
 * the words' diacritic-free lower-case forms (null breaks a phrase); `isSyllable(position)` tells whether the word there is a real syllable.
 */
export function matchPhrases(keys: (string | null)[], isSyllable: (position: number) => boolean, phrases: Phrase[] = PHRASES): Map<number, string> {
  // Starts worth testing: a phrase word's key printed exactly somewhere, the phrase placed around it.
  const starts = new Map<Phrase, Set<number>>();
  const index = indexOf(phrases);
  keys.forEach((k, t) => {
    for (const [p, j] of (k !== null && index.get(k)) || []) {
      if (t - j < 0 || t - j + p.words.length > keys.length) continue;
      const set = starts.get(p) ?? new Set<number>();
      starts.set(p, set.add(t - j));
    }
  });
  const out = new Map<number, string>();
  for (const p of phrases) {
    const n = p.words.length;
    for (const i of [...(starts.get(p) ?? [])].sort((a, b) => a - b)) {
      const win = keys.slice(i, i + n);
      if (win.some((k, j) => k === null || out.has(i + j))) continue;
      const exact = win.filter((k, j) => k === p.keys[j]).length;
      if (exact < n && (n < 3 || exact * 2 < n)) continue; // cheap test before the distance
      // Exact on the diacritic-free key; phrases of three words or more also nearly: a word that is no
      // syllable at all may differ by one letter ("Việt Nain" → "Việt Nam"), the whole by one in ten.
      const key = win.join(' ');
      if (key !== p.key) {
        if (DamerauLevenshteinDistance(key, p.key) > Math.floor(p.key.length / 10)) continue;
        const near = (k: string, j: number) =>
          k === p.keys[j] || (!isSyllable(i + j) && p.keys[j]!.length > 2 && DamerauLevenshteinDistance(k, p.keys[j]!) <= 1);
        if (!win.every((k, j) => near(k!, j))) continue;
      }
      p.words.forEach((w, j) => out.set(i + j, w));
    }
  }
  return out;
}

const indexes = new WeakMap<Phrase[], Map<string, [Phrase, number][]>>();
/** Word key → (phrase, position of the word in it). */
function indexOf(phrases: Phrase[]): Map<string, [Phrase, number][]> {
  let idx = indexes.get(phrases);
  if (idx) return idx;
  idx = new Map();
  for (const p of phrases) p.keys.forEach((k, j) => idx!.set(k, [...(idx!.get(k) ?? []), [p, j]]));
  indexes.set(phrases, idx);
  return idx;
}
