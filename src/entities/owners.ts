// Owners named in a task's own words: "Giao X:", "X chủ trì", "(X chủ trì)", "Đề nghị X …",
// a subject-led sentence ("UBND cấp xã thực hiện …"), and "phối hợp (với) Y" partners.
import { parseAgencyList, type Agency } from '../registry/agencies.js';

/** Words that end an owner phrase: the verb or adverb that follows the subject. */
const STOP_WORDS = [
  'chủ trì', 'phối hợp', 'tiếp tục', 'tổ chức', 'thực hiện', 'triển khai', 'tăng cường', 'chủ động', 'phải', 'cần', 'có trách nhiệm',
  'chịu trách nhiệm', 'quán triệt', 'căn cứ', 'xây dựng', 'rà soát', 'thường xuyên', 'kịp thời', 'khẩn trương', 'nghiêm túc', 'tham mưu',
  'hướng dẫn', 'theo dõi', 'đôn đốc', 'kiểm tra', 'giám sát', 'đẩy mạnh', 'nâng cao', 'bảo đảm', 'đảm bảo', 'chỉ đạo', 'ban hành',
  'công khai', 'tuyên truyền', 'trên cơ sở', 'trong', 'theo', 'để', 'đối với', 'lấy ý kiến', 'bồi dưỡng', 'cân đối', 'tập trung', 'sớm',
  'đề xuất', 'nghiên cứu', 'phát huy', 'duy trì', 'tiến hành', 'là', 'làm', 'tạo điều kiện', 'giúp', 'báo cáo', 'tổng hợp', 'cập nhật',
  'đổi mới', 'quản lý', 'phổ biến', 'vận động', 'giải quyết', 'xử lý', 'thẩm định', 'lập', 'bố trí', 'sắp xếp', 'rút ngắn', 'niêm yết',
  'tiếp nhận', 'tích cực', 'khắc phục', 'cải thiện', 'hoàn thành', 'hoàn thiện', 'nắm', 'nhằm', 'tại', 'với', 'về', 'khi', 'nếu', 'đều',
  'chấp hành', 'phát động', 'hỗ trợ', 'thống kê', 'đánh giá', 'công bố', 'áp dụng', 'sử dụng', 'ứng dụng', 'tranh thủ', 'quan tâm', 'có',
  'được', 'không', 'thì', 'đã', 'sẽ', 'đang', 'vẫn', 'cũng', 'luôn', 'trực tiếp',
].sort((a, b) => b.length - a.length);

/** Words that may sit inside an agency name although they are lower case. */
const NAME_WORDS = new Set([
  'các', 'cấp', 'và', 'thuộc', 'trực', 'nhà', 'nước', 'chuyên', 'môn', 'sự', 'nghiệp', 'công', 'lập', 'trung', 'ương', 'đóng', 'trên', 'địa',
  'bàn', 'huyện', 'tỉnh', 'thành', 'phố', 'xã', 'phường', 'thị', 'trấn', 'quận', 'đơn', 'vị', 'cơ', 'quan', 'sở', 'ban', 'ngành', 'phương',
  'đoàn', 'thể', 'tổ', 'chức', 'chính', 'trị', 'hội', 'xã', '-', '–', 'phòng', 'vận', 'tải', 'nông', 'thôn', 'hóa', 'thông', 'tin', 'và',
  'truyền', 'hình', 'thanh', 'tra', 'lao', 'động', 'thương', 'binh', 'có', 'liên', 'điện', 'tử', 'hành', 'dân', 'nhân', 'ủy', 'thường',
  'quyền', 'thao', 'du', 'lịch', 'khoa', 'học', 'nghệ', 'thuật', 'trú', 'đầu', 'mối', 'một', 'cửa', 'kết', 'quả', 'tiếp', 'nhận', 'trả', 'viên', 'thành', 'lực', 'lượng', 'vũ', 'trang', 'doanh', 'nghiệp',
]);

const HEAD_START =
  /^(?:Các|các|Thủ trưởng|Giám đốc|Chủ tịch|Trưởng|Chánh|Ủy ban|UBND|HĐND|Hội đồng|Sở|Phòng|Văn phòng|Thanh tra|Công an|Bưu điện|Đài|Báo|Trung tâm|Ban(?! hành)|Bộ(?! (?:máy|phận tiếp nhận))|Cục|Chi cục|Kho bạc|Bảo hiểm|BHXH|Tòa án|Viện|Hội(?! (?:nghị|thi|thảo|đồng thi))|Đoàn|Liên đoàn|Cổng|Điện lực|Người đứng đầu|Lãnh đạo|Cấp ủy|Chính quyền|Doanh nghiệp|Đơn vị|Cơ quan|Mặt trận|MTTQ|UBMTTQ|Tỉnh ủy|Huyện ủy)(?=\s|$|,)/u;

/** Where a phrase of agencies ends: at the first stop word not inside a name. Returns the phrase. */
export function leadingAgencyPhrase(text: string): string | null {
  const t = text.trim();
  if (!HEAD_START.test(t)) return null;
  let i = 0;
  let lastGood = 0;
  const words = t.split(/(\s+)/);
  // Lower-cased once, not the rest of the text again at every word (long task texts).
  const lower = t.toLowerCase();
  const restAt = (pos: number) => (lower.length === t.length ? lower.slice(pos) : t.slice(pos).toLowerCase());
  const stopsAt = (pos: number): boolean => {
    if (lower.length === t.length)
      return STOP_WORDS.some((s) => lower.startsWith(s, pos) && (pos + s.length === lower.length || lower[pos + s.length] === ' ' || lower[pos + s.length] === ','));
    const rest = restAt(pos);
    return STOP_WORDS.some((s) => rest.startsWith(s + ' ') || rest.startsWith(s + ',') || rest === s);
  };
  let pos = 0;
  let prevToken = '';
  for (let w = 0; w < words.length; w++) {
    const token = words[w]!;
    if (/^\s+$/.test(token)) {
      pos += token.length;
      continue;
    }
    if (pos > 0 && stopsAt(pos)) {
      const rest = restAt(pos);
      // A stop word inside a known name ("Thanh tra", "Văn phòng", "tổ chức chính trị") does not stop it.
      const prevWord = t.slice(0, pos).trim().split(/\s+/).pop() ?? '';
      const insideName = /^(?:tổ chức chính trị|tổ chức,? cá nhân|có liên quan|trên địa bàn|hành chính|thông tin và)/u.test(rest) || /^(các|cơ)$/iu.test(prevWord);
      if (!insideName) break;
    }
    const bare = token.replace(/[,;:.()]/g, '');
    if (/[:;.]$/.test(token)) {
      lastGood = pos + token.length - 1;
      break;
    }
    // A lower-case syllable continues a capitalised word ("Nội vụ", "Mặt trận") or is a name word ("cấp", "các").
    const prevCapital = /^[\p{Lu}]/u.test(prevToken);
    if (bare && !/^[\p{Lu}\d&]/u.test(bare) && !NAME_WORDS.has(bare.toLowerCase()) && !prevCapital) break;
    prevToken = bare;
    pos += token.length;
    lastGood = pos;
    i++;
  }
  const phrase = t.slice(0, lastGood).replace(/[,;:\s]+$/, '').trim();
  return phrase && i > 0 ? phrase : null;
}

export interface TextOwners {
  lead: Agency[];
  support: Agency[];
  /** The task names its lead itself (rule 1 of the guidelines). */
  explicitLead: boolean;
}

const PARTNER = /(?:phối hợp|cùng)\s+(?:chặt chẽ\s+)?(?:với\s+)?/giu;

/** Partners after "phối hợp (với)": named bodies only, vague partners dropped. */
function partners(text: string): Agency[] {
  const out: Agency[] = [];
  for (const m of text.matchAll(PARTNER)) {
    const after = text.slice(m.index! + m[0].length);
    const phrase = leadingAgencyPhrase(after);
    if (phrase) out.push(...parseAgencyList(phrase, { dropVague: true }));
  }
  return out;
}

export function ownersFromText(text: string): TextOwners {
  const t = text.trim();
  const support = partners(t);
  // "Giao X: …", "Giao X chủ trì, …", "Giao X tiếp tục …".
  const giao = /^Giao\s+(.+)$/u.exec(t);
  if (giao) {
    const colon = /^([^:]{2,160}):/u.exec(giao[1]!);
    const phrase = colon ? colon[1]! : leadingAgencyPhrase(giao[1]!);
    const lead = phrase ? parseAgencyList(phrase) : [];
    if (lead.length) return { lead, support, explicitLead: true };
  }
  // "Đề nghị X phối hợp …": a request to a body outside the issuer's command is still its task.
  const request = /^Đề nghị\s+(.+)$/u.exec(t);
  if (request) {
    const phrase = leadingAgencyPhrase(request[1]!);
    const lead = phrase ? parseAgencyList(phrase) : [];
    if (lead.length) return { lead, support, explicitLead: true };
  }
  // "(X chủ trì)" anywhere, or "… do X chủ trì".
  const paren = /\(([^()]{3,120}?)\s+chủ trì[^()]*\)/u.exec(t) ?? /\bdo\s+([^,;()]{3,120}?)\s+chủ trì/u.exec(t);
  if (paren) {
    const lead = parseAgencyList(paren[1]!);
    if (lead.length) return { lead, support, explicitLead: true };
  }
  // Subject-led: "UBND cấp xã thực hiện …", "Thanh tra tỉnh chủ trì, phối hợp …", "X cùng với Y chủ trì".
  const subject = leadingAgencyPhrase(t);
  if (subject) {
    const lead = parseAgencyList(subject);
    const co = /^\s*cùng với\s+(.+?)\s+chủ trì/u.exec(t.slice(subject.length));
    if (co) lead.push(...parseAgencyList(co[1]!));
    if (lead.length) return { lead, support: support.filter((s) => !lead.some((l) => l.name === s.name)), explicitLead: true };
  }
  return { lead: [], support, explicitLead: false };
}
