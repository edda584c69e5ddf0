// Structure: the normalised text → regions (header, title, preamble, body, closing, recipients,
// signature, appendices), the document's metadata and its section tree.
import type { Appendix, DocMeta, DocStructure, Message, NormalizedText, NormLine, Region } from '../types.js';
import { isAllCaps } from '../normalize/unicode.js';
import { docTypeFromSymbol, matchTypeLine } from './doctype.js';
import { issuerFromLines, isNationalLine, parseNumberLine, parsePlaceDate, type NumberSymbol, type PlaceDate } from './header.js';
import { AUTHORITY, RECIPIENTS_HEAD, readRecipients, readSigner } from './closing.js';
import { parseMarker } from './markers.js';
import { buildTree } from './tree.js';

const HEADER_SCAN = 40;
const APPENDIX_HEAD = /^(?:PHỤ LỤC|Phụ lục|PHỤ BIỂU|Phụ biểu)(?:\s+(?:số\s+)?[IVXL\d]+[a-z]?)?\s*[.:]?$/u;
const APPENDIX_REF = /^\(?\s*(?:Kèm|Ban hành kèm) theo(?![\p{L}\p{N}])/iu;
/** Formulas that close the body and assign nothing. */
const CLOSING = [
  /^Trên đây là(?![\p{L}\p{N}])/iu,
  /^Trong quá trình (?:tổ chức |triển khai )?(?:thực hiện|triển khai)(?![\p{L}\p{N}]).*(?:khó khăn|vướng mắc)/iu,
  /^(?:Chủ tịch|Giám đốc|Trưởng ban|Thủ trưởng|Ủy ban nhân dân|UBND)[^.]{0,120}(?<![\p{L}\p{N}])yêu cầu(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])(?:Kế hoạch|Chỉ thị|Quyết định|Chương trình|Thông báo|Công văn) này(?![\p{L}\p{N}])/iu,
  /^(?:Quyết định|Chỉ thị|Kế hoạch) này có hiệu lực/iu,
];

const isBodyLine = (l: NormLine) => !l.role || l.role === 'body';

export function structure(norm: NormalizedText): DocStructure {
  const messages: Message[] = [];
  const L = norm.lines;
  const regions: Region[] = L.map(() => 'body');
  const texts = L.map((l) => l.text);
  const msg = (code: string, message: string, severity: Message['severity'] = 'warning') =>
    messages.push({ severity, code, message, source: 'structure' });

  // 1. The type line ("KẾ HOẠCH") ends the header block.
  let typeIdx = -1;
  let typeMatch: ReturnType<typeof matchTypeLine> = null;
  for (let i = 0; i < Math.min(L.length, HEADER_SCAN); i++) {
    if (L[i]!.kind !== 'paragraph' || !isBodyLine(L[i]!)) continue;
    const m = matchTypeLine(texts[i]!);
    if (m) {
      typeIdx = i;
      typeMatch = m;
      break;
    }
  }

  // Header lines: before the type line; for a công văn (no type line), up to the "V/v" or date line.
  let headerEnd = typeIdx;
  if (typeIdx < 0) {
    for (let i = 0; i < Math.min(L.length, HEADER_SCAN); i++) {
      if (/^V\/v(?![\p{L}\p{N}])/iu.test(texts[i]!) || parsePlaceDate(texts[i]!) || parseNumberLine(texts[i]!)) headerEnd = i + 1;
    }
    if (headerEnd < 0) headerEnd = 0;
  }
  for (let i = 0; i < headerEnd; i++) regions[i] = 'header';

  let numberSymbol: NumberSymbol | null = null;
  let placeDate: PlaceDate | null = null;
  const nameLines: string[] = [];
  let vv: string | null = null;
  for (let i = 0; i < headerEnd; i++) {
    const t = texts[i]!;
    if (!numberSymbol && (numberSymbol = parseNumberLine(t))) continue;
    const pd = parsePlaceDate(t);
    if (pd && !placeDate) {
      placeDate = pd;
      continue;
    }
    if (/^V\/v(?![\p{L}\p{N}])/iu.test(t)) {
      vv = t.replace(/^V\/v\s*:?\s*/iu, '');
      continue;
    }
    if (isNationalLine(t) || L[i]!.column === 'right') continue;
    nameLines.push(t);
  }

  // 2. Title: what the type line carries, then the following line(s) set like it.
  let title: string | null = null;
  let titleEnd = typeIdx;
  if (typeIdx >= 0) {
    regions[typeIdx] = 'title';
    const parts: string[] = [];
    if (typeMatch!.rest) parts.push(typeMatch!.rest);
    let i = typeIdx + 1;
    if (!parts.length && i < L.length && L[i]!.kind === 'paragraph' && !parseMarker(texts[i]!).marker) {
      parts.push(texts[i]!);
      regions[i] = 'title';
      titleEnd = i;
      i++;
    }
    // Further title lines only where the layout says so (bold and centred like the first).
    const first = L[titleEnd]!;
    while (i < L.length && first.align === 'center' && L[i]!.align === 'center' && L[i]!.bold === first.bold && !isAllCaps(texts[i]!)) {
      parts.push(texts[i]!);
      regions[i] = 'title';
      titleEnd = i;
      i++;
    }
    title = parts.join(' ').replace(/\s+/g, ' ').trim() || null;
  } else if (vv) title = vv;

  // 3. Appendices and the closing zone (Nơi nhận, signature), searched from the end.
  let appStart = L.length;
  const afterTitle = Math.max(titleEnd + 1, headerEnd);
  let nn = -1;
  for (let i = afterTitle; i < L.length; i++) if (RECIPIENTS_HEAD.test(texts[i]!) && L[i]!.kind === 'paragraph') nn = i;
  for (let i = Math.max(nn, afterTitle); i < L.length; i++) {
    if (L[i]!.kind === 'paragraph' && APPENDIX_HEAD.test(texts[i]!) && (nn >= 0 || i > afterTitle + 5)) {
      appStart = i;
      break;
    }
  }

  let recipients: string[] = [];
  let signerLines: string[] = [];
  let bodyEnd = appStart;
  if (nn >= 0) {
    bodyEnd = nn;
    const zone = texts.slice(nn, appStart);
    const rr = readRecipients(zone);
    recipients = rr.recipients;
    for (let i = nn; i < nn + rr.end; i++) regions[i] = 'recipients';
    for (let i = nn + rr.end; i < appStart; i++) regions[i] = 'signature';
    signerLines = texts.slice(nn + rr.end, appStart);
    // Right-column signature printed before "Nơi nhận" (the other column order).
    let k = nn - 1;
    const before: string[] = [];
    while (k >= afterTitle && (L[k]!.column === 'right' || AUTHORITY.test(texts[k]!)) && before.length < 8) {
      before.unshift(texts[k]!);
      regions[k] = 'signature';
      k--;
    }
    if (before.length) {
      signerLines = [...before, ...signerLines];
      bodyEnd = k + 1;
    }
  } else {
    // No "Nơi nhận": the signature block is the run of authority/caps/name lines at the end.
    let k = appStart - 1;
    while (k > afterTitle && k >= appStart - 6 && (isAllCaps(texts[k]!) || AUTHORITY.test(texts[k]!) || texts[k]!.split(' ').length <= 5)) k--;
    if (k < appStart - 1) {
      signerLines = texts.slice(k + 1, appStart);
      for (let i = k + 1; i < appStart; i++) regions[i] = 'signature';
      bodyEnd = k + 1;
    }
    if (typeIdx >= 0) msg('structure/no-recipients', 'no "Nơi nhận" block found', 'info');
  }
  const signer = readSigner(signerLines);

  // 4. Closing formulas: trailing unmarked paragraphs of the body.
  let closingStart = bodyEnd;
  for (let k = bodyEnd - 1; k > afterTitle; k--) {
    const l = L[k]!;
    if (l.kind !== 'paragraph' || !isBodyLine(l)) continue;
    if (parseMarker(texts[k]!).marker) break;
    if (CLOSING.some((re) => re.test(texts[k]!))) closingStart = k;
    else break;
  }
  for (let i = closingStart; i < bodyEnd; i++) regions[i] = 'closing';

  // 5. Preamble: after the title, before the first numbered heading.
  let bodyStart = closingStart;
  for (let i = afterTitle; i < closingStart; i++) {
    const k = parseMarker(texts[i]!).kind;
    if (L[i]!.kind === 'paragraph' && ['part', 'chapter', 'article', 'roman', 'arabic', 'decimal2'].includes(k)) {
      bodyStart = i;
      break;
    }
  }
  for (let i = afterTitle; i < bodyStart; i++) if (regions[i] === 'body') regions[i] = 'preamble';

  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
  const preamble = buildTree(L, range(afterTitle, bodyStart), 'p');
  const sections = buildTree(L, range(bodyStart, closingStart), 's');

  // 6. Appendices: head line, caps title lines, "(Kèm theo …)", then content up to the next head.
  const appendices: Appendix[] = [];
  for (let i = appStart; i < L.length; ) {
    let j = i + 1;
    while (j < L.length && !(L[j]!.kind === 'paragraph' && APPENDIX_HEAD.test(texts[j]!))) j++;
    const titleParts: string[] = [];
    let reference: string | null = null;
    let c = i + 1;
    for (; c < j && L[c]!.kind === 'paragraph'; c++) {
      if (APPENDIX_REF.test(texts[c]!)) {
        reference = texts[c]!.replace(/^\(|\)$/g, '').trim();
        c++;
        break;
      }
      if (isAllCaps(texts[c]!) || c === i + 1) titleParts.push(texts[c]!);
      else break;
    }
    for (let k = i; k < j; k++) regions[k] = 'appendix';
    appendices.push({
      label: texts[i]!,
      title: titleParts.join(' ') || null,
      reference,
      start: L[i]!.start,
      end: L[j - 1]!.end,
      nodes: buildTree(L, range(c, j), `a${appendices.length + 1}.`),
    });
    i = j;
  }

  // Fallbacks for what the header did not print (header lost in conversion, drafts).
  const appendixRef = appendices.map((a) => a.reference).find(Boolean) ?? null;
  if (!numberSymbol && appendixRef) {
    const m = /số\s*([\d]*[a-z]?)\s*\/\s*([\p{Lu}][\p{L}\d&-]*)/u.exec(appendixRef);
    if (m) numberSymbol = { number: m[1] || null, symbol: m[2]! };
  }
  if (!placeDate && appendixRef) {
    const pd = parsePlaceDate(`x, ${appendixRef.slice(appendixRef.indexOf('ngày'))}`);
    if (pd) placeDate = { place: null, date: pd.date };
  }
  let issuer = issuerFromLines(nameLines);
  if (!issuer) issuer = issuerFromText(norm.text, placeDate?.place ?? null);
  if (!issuer) msg('structure/no-issuer', 'issuing body not found in the header');
  let place = placeDate?.place ?? null;
  if (!place && issuer) place = /(?:tỉnh|thành phố|huyện|quận|thị xã) (.+)$/u.exec(issuer)?.[1] ?? null;

  const symbol = numberSymbol?.symbol ?? null;
  let docType = typeMatch?.type.docType ?? null;
  if (!docType) docType = docTypeFromSymbol(symbol) ?? (vv ? 'CONG_VAN' : 'OTHER');
  if (typeIdx < 0 && !vv) msg('structure/no-doc-type', 'no document type line found');
  if (!numberSymbol) msg('structure/no-number', 'no "Số: …" line found');
  if (!placeDate?.date) msg('structure/no-date', 'no issue date found');

  const meta: DocMeta = {
    docType,
    docTypeLabel: typeMatch?.label ?? null,
    number: numberSymbol?.number ?? null,
    symbol,
    issuer,
    issuerLines: nameLines,
    place,
    issuedDate: placeDate?.date ?? null,
    title,
    signer,
    recipients,
  };
  return { meta, sections, preamble, appendices, regions, messages };
}

/** Fallback issuer: "UBND tỉnh <Place>" as the text itself names it (e.g. "UBND tỉnh Lai Châu ban hành"). */
function issuerFromText(text: string, place: string | null): string | null {
  const re = /(?:Ủy ban nhân dân|UBND)\s+(tỉnh|thành phố|huyện|quận|thị xã)\s+([\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){0,3})/gu;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) {
    if (place && m[2] !== place) continue;
    const k = `UBND ${m[1]} ${m[2]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

