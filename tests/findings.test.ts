// Findings: the audit of tasks and of score-table arithmetic, on real documents.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENRE, S000, S003, entityStagesOf, fixture } from './helpers.js';

const codes = (findings: { code: string }[]) => findings.reduce<Record<string, number>>((m, f) => ({ ...m, [f.code]: (m[f.code] ?? 0) + 1 }), {});

describe('findings', () => {
  it('003: a field whose criteria do not add up to it (2022 points of field 3)', async () => {
    const { findings, norm } = await entityStagesOf(fixture(S003, 'source.txt'));
    const sums = findings.filter((f) => f.code === 'table/criteria-sum');
    expect(sums).toHaveLength(1);
    expect(sums[0]!.message).toContain('"3 Cải cách TTHC"');
    expect(sums[0]!.message).toContain('26,4038');
    expect(sums[0]!.message).toContain('26,3604');
    // The finding points at the field's cell in the normalised text.
    expect(norm.text.slice(sums[0]!.provenance!.start, sums[0]!.provenance!.end)).toBe('26,3604');
    // Fields add up to the total in every column; nothing is above its maximum.
    expect(findings.filter((f) => f.code === 'table/fields-sum' || f.code === 'table/above-max')).toEqual([]);
  });

  it('000: targets set below the 2022 level, percentages not summed', async () => {
    const { findings } = await entityStagesOf(fixture(S000, 'source.txt'));
    const below = findings.filter((f) => f.code === 'target/below-baseline');
    expect(below.map((f) => f.message.match(/is below its 2022 value ([\d,]+)/)?.[1])).toEqual(['93,2', '99,61', '92,38', '86,29']);
    expect(findings.some((f) => f.code === 'table/fields-sum')).toBe(false);
  });

  it('flags tasks without a deadline, with only a collective lead or only "Thường xuyên"', async () => {
    const { findings, tasks } = await entityStagesOf(path.join(GENRE, 'appendix-task-table.txt'));
    const byTask = (code: string) => findings.filter((f) => f.code === code).map((f) => tasks.find((t) => t.id === f.taskId)!.text.slice(0, 30));
    expect(byTask('task/ongoing-only')).toEqual(['Tổ chức tập huấn sử dụng chữ k']);
    expect(byTask('task/collective-lead')).toEqual(['Các xã, thị trấn niêm yết công', 'Các cơ quan, đơn vị căn cứ nhi']);
    expect(codes(findings)['task/no-deadline'] ?? 0).toBe(0);
    expect(codes(findings)['task/no-lead'] ?? 0).toBe(0);
  });
});
