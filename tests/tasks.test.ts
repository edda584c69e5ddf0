// Task segmentation and owner resolution on real documents: the guideline's order (own words, table
// row, assignment block, enclosing addressee), criterion-split blocks, subject-led paragraphs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownersFromText } from '../src/entities/owners.js';
import { CANTHO, GENRE, S000, S003, S004, entityStagesOf, fixture } from './helpers.js';

const names = (list: { name: string }[]) => list.map((a) => a.name);
const load = (sample: string) => entityStagesOf(fixture(sample, 'source.txt'));
const taskStarting = (tasks: { text: string }[], prefix: string) => {
  const found = tasks.filter((t) => t.text.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0]! as (typeof tasks)[number] & Record<string, any>;
};

describe('task segmentation', () => {
  it('finds one task per lowest-level instruction of the operative sections only', async () => {
    const counts = await Promise.all([S000, S003, S004, CANTHO].map(async (s) => (await load(s)).tasks.length));
    // Gold counts: 32, 48, 55, 14.
    expect(counts).toEqual([32, 48, 55, 14]);
  });

  it('does not take the purposes and requirements (MỤC ĐÍCH, YÊU CẦU) or the target table for tasks', async () => {
    const { tasks } = await load(S000);
    expect(tasks.some((t) => t.text.startsWith('Phấn đấu năm 2023'))).toBe(false);
    expect(tasks.some((t) => t.text.includes('Duy trì và nâng cao kết quả những tiêu chí'))).toBe(false);
  });
});

describe('owners', () => {
  it('resolves a criterion-split assignment by the words of the task (inferred)', async () => {
    // 003 II.1: "Nội dung tiêu chí 1.1, 1.2, 1.3, 1.5 do Phòng Nội vụ chủ trì; … 1.4 do Phòng Văn hóa – TT
    // chủ trì; … 1.6 do Văn phòng HĐND và UBND huyện chủ trì" over tasks that name no criterion.
    const { tasks } = await load(S003);
    const propaganda = taskStarting(tasks, 'Thực hiện tuyên truyền về CCHC');
    expect(propaganda.leadSource).toBe('criterion');
    expect(propaganda.inferred).toBe(true);
    expect(names(propaganda.lead)).toEqual(['Phòng Văn hóa – Thông tin']);
    const inspection = taskStarting(tasks, 'Triển khai công tác kiểm tra, hướng dẫn, đôn đốc');
    expect(names(inspection.lead)).toEqual(['Phòng Nội vụ']);
    const assigned = taskStarting(tasks, 'Thường xuyên, chủ động rà soát, kiểm kê');
    expect(names(assigned.lead)).toEqual(['Văn phòng HĐND và UBND huyện']);
  });

  it('gives each subject-led paragraph of a lettered item its own subject as lead (004 3.c, Cần Thơ II.1.a)', async () => {
    const { tasks } = await load(S004);
    const c1 = taskStarting(tasks, 'Các cơ quan nhà nước trên cơ sở nhiệm vụ, quyền hạn được giao');
    expect(names(c1.lead)).toEqual(['Các cơ quan nhà nước']);
    const c2 = taskStarting(tasks, 'Ủy ban nhân dân các huyện, thành phố tổ chức bồi dưỡng');
    expect(names(c2.lead)).toEqual(['UBND các huyện, thành phố']);
    const cantho = await load(CANTHO);
    const a = taskStarting(cantho.tasks, 'Cấp ủy, chính quyền, cơ quan nhà nước các cấp tiếp tục');
    expect(names(a.lead)).toEqual(['Cấp ủy, chính quyền, cơ quan nhà nước các cấp']);
  });

  it('takes unmarked assignment lines after the last lettered item for the whole list (Cần Thơ II.1)', async () => {
    const { tasks } = await load(CANTHO);
    const a = taskStarting(tasks, 'Cấp ủy, chính quyền, cơ quan nhà nước các cấp tiếp tục');
    const b = taskStarting(tasks, 'Tiếp tục quán triệt, triển khai thực hiện chủ trương');
    expect(a.deadline).toEqual({ kind: 'ongoing', label: 'Thường xuyên' });
    expect(b.deadline).toEqual({ kind: 'ongoing', label: 'Thường xuyên' });
    expect(names(b.lead)).toEqual(['Các cơ quan, đơn vị, địa phương']);
  });

  it('gives the tasks under an agency heading that agency, with "phối hợp với X" partners as support (000 III.2)', async () => {
    const { tasks } = await load(S000);
    const t = taskStarting(tasks, 'Tổ chức kiểm tra cải cách hành chính, kiểm tra công vụ');
    expect(t.leadSource).toBe('heading');
    expect(names(t.lead)).toEqual(['Sở Nội vụ']);
    expect(t.lead[0].jurisdiction).toBe('tỉnh Lai Châu');
  });

  it('reads co-leads, explicit leads and partners from a task’s own words', () => {
    expect(names(ownersFromText('Sở Thông tin và Truyền thông cùng với Văn phòng UBND tỉnh chủ trì thực hiện').lead)).toEqual([
      'Sở Thông tin và Truyền thông',
      'Văn phòng UBND tỉnh',
    ]);
    const given = ownersFromText('Giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Thông tin và Truyền thông đổi mới giao diện');
    expect(names(given.lead)).toEqual(['Văn phòng UBND tỉnh']);
    expect(names(given.support)).toEqual(['Sở Thông tin và Truyền thông']);
    // Vague partners are not listed as support.
    expect(ownersFromText('Thanh tra tỉnh chủ trì, phối hợp với các cơ quan, đơn vị có liên quan thực hiện').support).toEqual([]);
  });
});

describe('task tables', () => {
  it('reads one task per row with the row’s owners, time and group component (genre fixture)', async () => {
    const { tasks } = await entityStagesOf(path.join(GENRE, 'appendix-task-table.txt'));
    const rows = tasks.filter((t) => t.leadSource === 'table-row');
    expect(rows).toHaveLength(4);
    const q4 = taskStarting(rows, 'Kiểm tra công tác cải cách hành chính tại các cơ quan');
    expect(q4.deadline).toEqual({ kind: 'period', end: '2023-12-31', label: 'Quý IV năm 2023' });
    expect(names(q4.lead)).toEqual(['Phòng Nội vụ']);
    expect(q4.support).toEqual([]); // "Các cơ quan, đơn vị liên quan" names nobody
    expect(q4.index).toBe('PAR.1');
    const sig = taskStarting(rows, 'Tổ chức tập huấn sử dụng chữ ký số');
    expect(names(sig.lead)).toEqual(['Phòng Văn hóa và Thông tin']);
    expect(names(sig.support)).toEqual(['UBND các xã, thị trấn']);
    expect(sig.index).toBe('PAR.7');
    expect(sig.deadline).toEqual({ kind: 'ongoing', label: 'Thường xuyên' });
  });
});

describe('index links', () => {
  it('takes the component from the heading, or from the subject matter when one plainly fits', async () => {
    const { tasks } = await load(S004);
    // Under "h) Đối với Chỉ số thành phần về “Quản trị điện tử”".
    expect(taskStarting(tasks, 'Ủy ban nhân dân cấp huyện, cấp xã cần tuyên truyền').index).toBe('PAPI.8');
    // Under an agency heading: the words name single-window TTHC work.
    expect(taskStarting(tasks, 'Tham mưu cho UBND tỉnh Quy chế tổ chức và hoạt động của Bộ phận Một cửa').index).toBe('PAR.3');
  });
});
