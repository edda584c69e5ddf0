// The end of a document: "Nơi nhận:" recipients (ô 9b) and the signature block (ô 7a–7c).
import type { Signer } from '../types.js';
import { isAllCaps } from '../normalize/unicode.js';

export const RECIPIENTS_HEAD = /^Nơi\s+nhận\s*:?\s*(.*)$/iu;
export const ARCHIVE_LINE = /^[-+•]?\s*Lưu\s*[:.]/iu;
/** TM./KT./TL./TUQ./Q. (and the old T/M, K/T): the authority under which the signer signs. */
export const AUTHORITY = /^(?:TM|KT|TL|TUQ|Q|T\/M|K\/T|T\.M|K\.T)\s*[./]?\s+\S/u;
/** A person's name as printed under a signature: 2–6 capitalised words. */
const PERSON_NAME = /^(?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u;
/** Notes on signed copies that are not part of the block: "(Đã ký)", "(Ký tên, đóng dấu)". */
const SIGN_NOTE = /^\(?\s*(đã ký|ký|ký tên|ký, ghi rõ họ tên|ký tên, đóng dấu|đã ký và đóng dấu)[^)]*\)?$/iu;

/** One "Nơi nhận" line as a recipient: marker, trailing punctuation and "(b/c)" annotations removed. */
export function cleanRecipient(line: string): string {
  return line
    .trim()
    .replace(/^[-+•*–]\s*/, '')
    .replace(/[;,.]+\s*$/, '')
    .replace(/\s*\((?:để\s*)?(?:b\/c|báo cáo|biết|t\/h|thực hiện|chỉ đạo|p\/h|phối hợp)\)\s*$/iu, '')
    .replace(/[;,.]+\s*$/, '')
    .trim();
}

export interface RecipientsResult {
  recipients: string[];
  /** Index (into the given lines) one past the last recipients line, the "Lưu" line included. */
  end: number;
}

/** Read recipients from the lines after "Nơi nhận:" (the head line itself is lines[0]). */
export function readRecipients(lines: string[]): RecipientsResult {
  const recipients: string[] = [];
  const head = RECIPIENTS_HEAD.exec(lines[0] ?? '');
  const inline = head?.[1]?.trim();
  let i = 1;
  const add = (l: string) => {
    const r = cleanRecipient(l);
    if (r && !/^lưu(?![\p{L}\p{N}])/iu.test(r)) recipients.push(r);
  };
  if (inline) add(inline);
  for (; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (ARCHIVE_LINE.test(l)) {
      i++;
      break;
    }
    if (AUTHORITY.test(l) || (isAllCaps(l) && l.length > 3 && !/^[-+•]/.test(l))) break;
    if (/^[-+•*–]/.test(l)) add(l);
    else if (recipients.length && /^[\p{Ll}(]/u.test(l)) {
      // A wrapped recipient line continues the previous one.
      recipients[recipients.length - 1] = cleanRecipient(`${recipients[recipients.length - 1]} ${l}`);
    } else if (recipients.length === 0 && !inline) add(l);
    else break;
  }
  return { recipients, end: i };
}

/** Read the signature block from the lines of the signature zone, in order. */
export function readSigner(lines: string[]): Signer | null {
  const clean = lines
    .map((l) => l.trim())
    .filter((l) => l && !SIGN_NOTE.test(l))
    // Stray short lower-case tokens (initials, stamp fragments) are not part of the block.
    .filter((l) => !/^[\p{Ll}\d.,/()_-]{1,8}$/u.test(l));
  let nameAt = -1;
  for (let i = clean.length - 1; i >= 0; i--) {
    if (PERSON_NAME.test(clean[i]!) && !isAllCaps(clean[i]!)) {
      nameAt = i;
      break;
    }
  }
  let posAt = -1;
  for (let i = (nameAt >= 0 ? nameAt : clean.length) - 1; i >= 0; i--) {
    if (isAllCaps(clean[i]!)) {
      posAt = i;
      break;
    }
  }
  if (nameAt < 0 && posAt < 0) return null;
  const position = posAt >= 0 ? clean[posAt]! : null;
  const above = posAt > 0 ? clean[posAt - 1]! : null;
  const authority = above && AUTHORITY.test(above) && isAllCaps(above) ? above : null;
  return { name: nameAt >= 0 ? clean[nameAt]! : null, position, authority };
}
