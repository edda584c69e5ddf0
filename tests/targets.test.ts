// Targets: quantities read from sentences and from target/score table cells, with their
// comparators, units, years, baselines, components and tasks.
import { describe, expect, it } from 'vitest';
import { readCell, readQuantities } from '../src/entities/quantities.js';
import { S000, S001, S003, S004, CANTHO, entityStagesOf, fixture } from './helpers.js';

const short = (q: { comparator: string; value: number; valueMax?: number; unit: string }) =>
  `${q.comparator} ${q.value}${q.valueMax !== undefined ? `-${q.valueMax}` : ''} ${q.unit}`;
const load = (sample: string) => entityStagesOf(fixture(sample, 'source.txt'));

describe('readQuantities', () => {
  it('reads one target per value, with the comparator from the words around it', () => {
    const s = 'Phấn đấu năm 2023: Chỉ số PAR INDEX đạt từ 87% trở lên, tăng tối thiểu 01 hạng và nằm trong nhóm 20-24 tỉnh, thành phố trên cả nước; Chỉ số SIPAS đạt trên 80%, nằm trong nhóm 30-35 tỉnh, thành phố trên cả nước.';
    expect(readQuantities(s).map(short)).toEqual(['>= 87 %', '>= 1 hạng', 'range 20-24 hạng', '> 80 %', 'range 30-35 hạng']);
  });

  it('reads ranges, counts with a qualifier, rank changes and positions', () => {
    expect(readQuantities('Đạt tỷ lệ giải ngân từ 98% - 100% trở lên so với kế hoạch được giao').map(short)).toEqual(['range 98-100 %']);
    expect(readQuantities('trên tổng số hồ sơ đạt từ 35-40%.').map(short)).toEqual(['range 35-40 %']);
    expect(readQuantities('đạt từ 50% số TTHC trở lên').map(short)).toEqual(['>= 50 %']);
    expect(readQuantities('Có ít nhất 02 sáng kiến/giải pháp trở lên trong thực hiện nhiệm vụ CCHC').map(short)).toEqual(['>= 2 count']);
    expect(readQuantities('được cải thiện, tăng 3 bậc so với năm 2022 (xếp thứ 5/10 huyện, thành phố năm 2023)').map(short)).toEqual(['= 3 hạng', '= 5 hạng']);
    expect(readQuantities('Tối thiểu 90% hồ sơ công việc được trao đổi dưới dạng điện tử').map(short)).toEqual(['>= 90 %']);
  });

  it('leaves numbers that are not levels to reach', () => {
    expect(readQuantities('áp dụng Hệ thống chất lượng theo TCVN ISO 9001:2015')).toEqual([]);
    expect(readQuantities('dịch vụ công trực tuyến mức độ 3, 4')).toEqual([]);
    expect(readQuantities('triển khai 25 dịch vụ công thiết yếu theo Đề án 06')).toEqual([]);
    expect(readQuantities('xử lý trong thời hạn tối đa 05 ngày làm việc')).toEqual([]);
  });

  it('reads table cells as printed', () => {
    expect(readCell('Từ 90% trở lên')).toEqual({ comparator: '>=', value: 90, unit: '%' });
    expect(readCell('Trên 86 %')).toEqual({ comparator: '>', value: 86, unit: '%' });
    expect(readCell('40-43')).toEqual({ comparator: 'range', value: 40, valueMax: 43, unit: '' });
    expect(readCell('12,25')).toEqual({ comparator: '=', value: 12.25, unit: '' });
    expect(readCell('Phòng Nội vụ')).toBeNull();
  });
});

describe('targets of real documents', () => {
  it('000: five targets from the purposes, two per row of the target table with 2022 baselines, two in tasks', async () => {
    const { targets, tasks } = await load(S000);
    expect(targets).toHaveLength(27);
    const row1 = targets.filter((t) => t.index === 'PAR.1' && t.baseline);
    expect(row1.map((t) => [short(t), t.baseline!.value, t.year])).toEqual([
      ['>= 90 %', 89.47, 2023],
      ['range 40-43 hạng', 43, 2023],
    ]);
    // The row's "Đơn vị thực hiện/theo dõi" cell owns its targets: a distributive list, a "(X chủ trì)".
    expect(row1[0]!.lead?.map((a) => a.name)).toEqual(['Sở Nội vụ', 'Sở Khoa học và Công nghệ', 'Ban Chỉ đạo CCHC tỉnh']);
    expect(targets.find((t) => t.index === 'PAR.8' && t.baseline)?.lead?.map((a) => a.name)).toEqual(['Sở Kế hoạch và Đầu tư']);
    // Row 8 prints its baseline without "%": the column's unit is the target's.
    expect(targets.find((t) => t.index === 'PAR.8' && t.baseline?.value === 79.53)?.baseline?.unit).toBe('%');
    expect(targets.filter((t) => t.index === 'SIPAS').map(short)).toEqual(['> 80 %', 'range 30-35 hạng', '> 80 %', 'range 30-35 hạng']);
    const total = targets.filter((t) => t.metric.includes('Tổng cộng'));
    expect(total.map((t) => [short(t), t.index])).toEqual([['> 86 %', null], ['range 20-24 hạng', null]]);
    const inspection = targets.find((t) => t.comparator === '>' && t.value === 30)!;
    expect(inspection.index).toBe('PAR.1');
    expect(tasks.find((t) => t.id === inspection.taskId)?.text).toMatch(/^Tổ chức kiểm tra cải cách hành chính/);
  });

  it('003: one target per score-table row (points, baseline 2022, PAR.<code>) and the purposes’ rank targets', async () => {
    const { targets } = await load(S003);
    expect(targets).toHaveLength(52);
    const c13 = targets.find((t) => t.index === 'PAR.1.3')!;
    expect([short(c13), c13.year, c13.baseline]).toEqual(['= 2 điểm', 2023, { value: 1, unit: 'điểm', year: 2022 }]);
    const total = targets.find((t) => t.metric === 'Tổng điểm')!;
    expect([short(total), total.index, total.baseline?.value]).toEqual(['= 92 điểm', null, 84.0256]);
    expect(targets.filter((t) => t.unit === 'hạng').map(short)).toEqual(['= 3 hạng', '= 5 hạng']);
  });

  it('001 and 004: the year from the plan’s title, else only where stated; none in a plan without numbers', async () => {
    const t001 = (await load(S001)).targets;
    expect(t001).toHaveLength(26);
    expect(new Set(t001.map((t) => t.year))).toEqual(new Set([2022]));
    const t004 = (await load(S004)).targets;
    expect(t004.map((t) => [short(t), t.year ?? null, t.index])).toEqual([
      ['= 100 %', null, 'PAR.3'],
      ['= 100 %', null, 'PAR.7'],
      ['>= 30 %', null, 'PAR.8'],
      ['= 100 %', 2019, 'PAR.7'],
    ]);
    expect((await load(CANTHO)).targets).toEqual([]);
  });
});
