// Index component from a task's subject matter, for tasks no heading or row assigns one: the
// component whose key terms (../shared/domain/indices.md, "Typical content keywords per field",
// and the PAPI sub-dimensions) the task's words name, when one component plainly fits.
import { foldKey } from '../normalize/unicode.js';
import type { IndexFramework } from './indexlinks.js';

type Topics = [code: string, terms: string[]][];
/** A folded key term and its weight (its word count, at most 3). */
type KeyTerm = [term: string, weight: number];

const PAR_TOPICS: Topics = [
  ['PAR.1', ['kế hoạch cải cách hành chính', 'kế hoạch cchc', 'báo cáo cải cách hành chính', 'chế độ báo cáo', 'kiểm tra cải cách hành chính', 'kiểm tra cchc', 'kiểm tra công vụ', 'tuyên truyền', 'sáng kiến', 'giải pháp mới', 'ban chỉ đạo', 'chỉ đạo, điều hành', 'người đứng đầu', 'hội thi', 'cơ quan thường trực', 'xếp hạng công tác cải cách hành chính', 'nhiệm vụ được ubnd tỉnh giao', 'nhiệm vụ được giao', 'khảo sát sự hài lòng', 'đo lường sự hài lòng']],
  ['PAR.2', ['văn bản quy phạm pháp luật', 'vbqppl', 'văn bản qppl', 'thể chế', 'thi hành pháp luật', 'rà soát văn bản', 'kiểm tra văn bản', 'giáo dục pháp luật', 'phổ biến pháp luật', 'thẩm định dự thảo', 'trái pháp luật', 'pháp chế']],
  ['PAR.3', ['thủ tục hành chính', 'tthc', 'một cửa', 'phục vụ hành chính công', 'tiếp nhận và trả kết quả', 'phản ánh, kiến nghị', 'pakn', 'đơn giản hóa', 'trễ hạn', 'quá hạn', 'xin lỗi', 'giải quyết hồ sơ', 'chất lượng phục vụ người dân']],
  ['PAR.4', ['tổ chức bộ máy', 'bộ máy', 'sắp xếp', 'kiện toàn', 'biên chế', 'tinh giản', 'phân cấp', 'hợp đồng lao động', 'số lượng lãnh đạo', 'cơ cấu tổ chức', 'chức năng, nhiệm vụ, quyền hạn']],
  ['PAR.5', ['vị trí việc làm', 'tuyển dụng', 'nâng ngạch', 'thăng hạng', 'bổ nhiệm', 'phân loại cán bộ', 'phân loại công chức', 'kỷ luật, kỷ cương', 'kỷ cương hành chính', 'đào tạo, bồi dưỡng', 'phần mềm quản lý cán bộ', 'chuyển đổi vị trí công tác', 'chế độ công vụ', 'công vụ', 'đạo đức công vụ', 'văn hóa công sở', 'đội ngũ cán bộ']],
  ['PAR.6', ['tài chính công', 'tự chủ', 'tài sản công', 'giải ngân', 'vốn đầu tư công', 'thu ngân sách', 'dự toán', 'kiểm toán', 'kiến nghị sau thanh tra', 'kinh phí quản lý hành chính', 'chống lãng phí', 'sử dụng kinh phí', 'tài chính, ngân sách', 'quản lý, sử dụng tài chính']],
  ['PAR.7', ['công nghệ thông tin', 'cntt', 'chính quyền điện tử', 'chính phủ điện tử', 'chính quyền số', 'chính phủ số', 'chuyển đổi số', 'văn bản điện tử', 'chữ ký số', 'thư công vụ', 'dịch vụ công trực tuyến', 'thanh toán trực tuyến', 'số hóa', 'bưu chính công ích', 'bcci', 'iso 9001', 'quản lý chất lượng', 'hệ thống chất lượng', 'quản lý văn bản', 'hiện đại hóa hành chính', 'lgsp', 'cổng dịch vụ công']],
  ['PAR.8', ['phát triển kinh tế - xã hội', 'kinh tế - xã hội', 'kt-xh', 'thu hút đầu tư', 'xúc tiến đầu tư', 'doanh nghiệp thành lập mới', 'đối thoại doanh nghiệp', 'năng lực cạnh tranh', 'pci', 'môi trường đầu tư', 'môi trường kinh doanh', 'du lịch', 'thương mại']],
];

const PAPI_TOPICS: Topics = [
  ['PAPI.1', ['bầu cử', 'tham gia của người dân', 'đóng góp tự nguyện', 'giám sát đầu tư của cộng đồng', 'giám sát đầu tư cộng đồng', 'dân chủ ở cơ sở']],
  ['PAPI.2', ['công khai, minh bạch', 'hộ nghèo', 'thu chi ngân sách', 'kế hoạch sử dụng đất', 'khung giá đất', 'giá đền bù']],
  ['PAPI.3', ['trách nhiệm giải trình', 'khiếu nại', 'tố cáo', 'tiếp công dân', 'thanh tra nhân dân', 'dịch vụ tư pháp']],
  ['PAPI.4', ['tham nhũng', 'tiêu cực', 'công bằng trong tuyển dụng']],
  ['PAPI.5', ['chứng thực', 'giấy phép xây dựng', 'quyền sử dụng đất', 'thủ tục hành chính cấp xã']],
  ['PAPI.6', ['y tế', 'giáo dục', 'bệnh viện', 'trường học', 'nước sạch', 'rác thải', 'an ninh, trật tự', 'hạ tầng căn bản']],
  ['PAPI.7', ['môi trường', 'ô nhiễm', 'không khí', 'chất lượng nước']],
  ['PAPI.8', ['cổng thông tin điện tử', 'internet', 'quản trị điện tử', 'viễn thông']],
];

const keyed = (topics: Topics) =>
  topics.map(([code, terms]) => [code, terms.map((t): KeyTerm => [foldKey(t), Math.min(3, t.split(' ').length)])] as [string, KeyTerm[]]);
const PAR_KEYS = keyed(PAR_TOPICS);
const PAPI_KEYS = keyed(PAPI_TOPICS);

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = text[i + term.length] ?? ' ';
    if (before === ' ' && after === ' ') n++;
  }
  return n;
}

/** Scores per component: each key term counted once per occurrence, longer terms worth more. */
export function topicScores(text: string, keys: [string, KeyTerm[]][]): [string, number][] {
  const k = ` ${foldKey(text)} `;
  return keys.map(([code, terms]) => [code, terms.reduce((s, [t, weight]) => s + occurrences(k, t) * weight, 0)]);
}

/**
 * The component a task's words plainly serve, or null: the best-scoring component must score
 * at least 2 and at least twice the runner-up. PAR components in a PAR document, PAPI
 * dimensions in a PAPI document (or inside a PAPI section).
 */
export function indexFromContent(text: string, fw: IndexFramework, enclosing: string | null = null): string | null {
  const papi = enclosing?.startsWith('PAPI') || (fw.papi && !fw.par);
  if (!papi && !fw.par) return null;
  const scores = topicScores(text, papi ? PAPI_KEYS : PAR_KEYS).sort((a, b) => b[1] - a[1]);
  const [best, second] = [scores[0]!, scores[1]!];
  return best[1] >= 2 && best[1] >= 2 * second[1] ? best[0] : null;
}
