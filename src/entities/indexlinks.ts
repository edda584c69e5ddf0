// Index links: the PAR INDEX / SIPAS / PAPI component a section serves, read from its heading
// (codes and printed name variants from ../shared/domain/indices.md).
import { foldKey } from '../normalize/unicode.js';

export type IndexFramework = { par: boolean; sipas: boolean; papi: boolean };

/** Printed names of the PAR INDEX fields (lĩnh vực), current and older wordings. */
const PAR: [string, string[]][] = [
  ['PAR.1', ['Công tác chỉ đạo, điều hành cải cách hành chính', 'Công tác chỉ đạo điều hành', 'chỉ đạo, điều hành CCHC']],
  ['PAR.2', ['Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 'văn bản QPPL', 'Cải cách thể chế']],
  ['PAR.3', ['Cải cách thủ tục hành chính', 'Cải cách TTHC']],
  ['PAR.4', ['Cải cách tổ chức bộ máy hành chính nhà nước', 'Cải cách tổ chức bộ máy']],
  ['PAR.5', ['Cải cách chế độ công vụ', 'Cải cách công vụ', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức']],
  ['PAR.6', ['Cải cách tài chính công', 'Đổi mới cơ chế quản lý tài chính']],
  ['PAR.7', ['Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', 'Hiện đại hóa hành chính', 'chính phủ điện tử, chính phủ số', 'chính quyền điện tử, chính quyền số']],
  ['PAR.8', ['Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển kinh tế - xã hội', 'Tác động của CCHC đến phát triển kinh tế - xã hội']],
];

/** PAPI dimensions (chỉ số nội dung) since 2018. */
const PAPI: [string, string[]][] = [
  ['PAPI.1', ['Tham gia của người dân ở cấp cơ sở']],
  ['PAPI.2', ['Công khai, minh bạch']],
  ['PAPI.3', ['Trách nhiệm giải trình với người dân']],
  ['PAPI.4', ['Kiểm soát tham nhũng trong khu vực công', 'Kiểm soát tham nhũng khu vực công']],
  ['PAPI.5', ['Thủ tục hành chính công']],
  ['PAPI.6', ['Cung ứng dịch vụ công']],
  ['PAPI.7', ['Quản trị môi trường']],
  ['PAPI.8', ['Quản trị điện tử']],
];

const SIPAS = /sipas|chỉ số hài lòng|mức độ hài lòng của người dân, tổ chức đối với sự phục vụ/u;
const PAPI_NAME = /papi|hiệu quả quản trị (và )?hành chính công/u;
const PAR_NAME = /par index|chỉ số cải cách hành chính|chỉ số cchc/u;

/** Which indices the document is about, from its title and headings. */
export function detectFramework(texts: string[]): IndexFramework {
  const k = foldKey(texts.join(' \n '));
  return { par: PAR_NAME.test(k), sipas: SIPAS.test(k), papi: PAPI_NAME.test(k) };
}

const keyOf = (s: string) => foldKey(s).replace(/[-–]/g, ' ').replace(/\s+/g, ' ');

/** Keys of the printed names, computed once. */
const keyed = new WeakMap<[string, string[]][], [string, string[]][]>();
function keysOf(list: [string, string[]][]): [string, string[]][] {
  let k = keyed.get(list);
  if (!k) keyed.set(list, (k = list.map(([code, names]) => [code, names.map(keyOf)])));
  return k;
}

function best(list: [string, string[]][], heading: string): string | null {
  const h = keyOf(heading);
  for (const [code, keys] of keysOf(list)) if (keys.some((n) => h.includes(n))) return code;
  return null;
}

/**
 * The component a heading names: "Về chỉ số SIPAS" → SIPAS; "Chỉ số nội dung “Cải cách tài chính công”"
 * → PAR.6; "Đối với Chỉ số thành phần về “Quản trị điện tử”" → PAPI.8. The enclosing code decides
 * between PAR and PAPI where both could fit.
 */
export function indexFromHeading(heading: string, fw: IndexFramework, enclosing: string | null = null): string | null {
  const k = keyOf(heading);
  if (k.split(' ').length > 40) return null;
  if (SIPAS.test(k) && !PAR_NAME.test(k) && !PAPI_NAME.test(k)) return 'SIPAS';
  const inPapi = PAPI_NAME.test(k) || enclosing?.startsWith('PAPI') || (fw.papi && !fw.par);
  if (inPapi) {
    const p = best(PAPI, heading);
    if (p) return p;
  }
  if (fw.par || !fw.papi) {
    const p = best(PAR, heading);
    if (p) return p;
  }
  return fw.papi ? best(PAPI, heading) : null;
}
