// Deadlines as the guidelines read them, on real task fragments: the most specific statement wins,
// and years or repetitions that qualify a noun, a named document or an aim are not deadlines.
import { describe, expect, it } from 'vitest';
import { readDeadline } from '../src/entities/deadlines.js';

describe('readDeadline', () => {
  it('reads dates, periods with their last day, recurring schedules, continuous work and event-tied times', () => {
    expect(readDeadline('b) Thời gian thực hiện: Hoàn thành trước ngày 31 tháng 10 năm 2025.', 2025)).toEqual({
      kind: 'date',
      end: '2025-10-31',
      label: 'Hoàn thành trước ngày 31 tháng 10 năm 2025',
    });
    expect(readDeadline('Quý IV năm 2023', 2023)).toEqual({ kind: 'period', end: '2023-12-31', label: 'Quý IV năm 2023' });
    expect(readDeadline('Tháng 9/2023', 2023)).toMatchObject({ kind: 'period', end: '2023-09-30' });
    expect(readDeadline('6 tháng đầu năm 2024', 2024)).toMatchObject({ kind: 'period', end: '2024-06-30' });
    expect(readDeadline('báo cáo kết quả trước ngày 20 hằng tháng về Phòng Nội vụ', 2023)).toMatchObject({ kind: 'recurring', freq: 'monthly', day: 20 });
    expect(readDeadline('Thường xuyên.', 2025)).toEqual({ kind: 'ongoing', label: 'Thường xuyên' });
    expect(readDeadline('Công bố TTHC … Nhập, đăng tải công khai TTHC vào cơ sở dữ liệu quốc gia sau khi công bố.', 2022)).toMatchObject({ kind: 'relative' });
  });

  it('reads a time stated in the task: "tổ chức tuyển dụng … năm 2019", "trong năm 2023", a stage', () => {
    expect(readDeadline('Tham mưu cho Ủy ban nhân dân tỉnh tổ chức tuyển dụng công chức, viên chức, thi nâng ngạch công chức, thăng hạng viên chức năm 2019 theo kế hoạch được phê duyệt', 2019)).toMatchObject({ kind: 'period', end: '2019-12-31' });
    expect(readDeadline('đảm bảo trên 30% các cơ quan, đơn vị, địa phương trong tỉnh được kiểm tra cải cách hành chính, kiểm tra công vụ trong năm 2023.', 2023)).toMatchObject({ kind: 'period', end: '2023-12-31' });
    expect(readDeadline('Đẩy nhanh tiến độ triển khai, tập huấn, công bố áp dụng hệ thống quản lý chất lượng giai đoạn 2019-2020', 2019)).toMatchObject({ kind: 'period', end: '2020-12-31' });
  });

  it('orders schedules of several parts by their frequency ("Định kỳ Quý I, 6 tháng, Quý III, năm" is quarterly)', () => {
    const text = 'Theo dõi, đôn đốc, kiểm tra các phòng, đơn vị trong việc thực hiện các giải pháp, nhiệm vụ cải thiện các Chỉ số theo lĩnh vực được phân công. Định kỳ Quý I, 6 tháng, Quý III, năm hoặc đột xuất theo yêu cầu báo cáo tổng hợp tình hình.';
    expect(readDeadline(text, 2022)).toMatchObject({ kind: 'recurring', freq: 'quarterly' });
    expect(readDeadline('báo cáo kết quả triển khai nội dung được giao chủ trì, triển khai trong Kế hoạch này vào báo cáo hàng tháng, quý, năm của báo cáo CCHC', 2023)).toMatchObject({ kind: 'recurring', freq: 'monthly' });
  });

  it('does not read years or repetitions that qualify a noun, a named document or an aim', () => {
    // Convention "Years": the year of the indicators, not of the action.
    expect(readDeadline('Tham mưu, thực hiện các chỉ tiêu phát triển kinh tế xã hội năm 2023', 2023)).toBeNull();
    // A year in the title of the cited plan.
    expect(readDeadline('Triển khai kịp thời Kế hoạch số 165/KH-UBND ngày 29/12/2022 của Chủ tịch UBND huyện thực hiện công tác theo dõi thi hành pháp luật trên địa bàn huyện năm 2023', 2023)).toBeNull();
    expect(readDeadline('Triển khai hiệu quả Kế hoạch số 34-KH/HU ngày 26/7/2021 của Ban Thường vụ Huyện ủy về chuyển đổi số giai đoạn 2021- 2025, định hướng đến năm 2030', 2023)).toBeNull();
    // Convention "Repetition" inside an aim ("để …").
    expect(readDeadline('Chủ trì, tổng hợp, tham mưu UBND tỉnh các nhiệm vụ, giải pháp để triển khai thực hiện có hiệu quả kế hoạch phát triển kinh tế xã hội 5 năm và hàng năm của tỉnh.', 2023)).toBeNull();
    // An open-ended horizon of the aim, not of the action.
    expect(readDeadline('tổ chức triển khai thực hiện các nhiệm vụ, giải pháp để cải thiện môi trường đầu tư, kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh của tỉnh Lai Châu năm 2019 và các năm tiếp theo.', 2019)).toBeNull();
    // A year before the document was issued is a result under discussion.
    expect(readDeadline('Triển khai các giải pháp cụ thể để nâng cao điểm số đối với các tiêu chí, tiêu chí thành phần chưa đạt điểm tối đa năm 2022, gồm: …', 2022, 2023)).toBeNull();
  });

  it('prefers the more specific statement: "đúng tiến độ" over a bare "trong năm", a date over "thường xuyên"', () => {
    expect(readDeadline('Thực hiện 100% nhiệm vụ đúng tiến độ nhiệm vụ UBND tỉnh giao trong năm.', 2022)).toMatchObject({ kind: 'relative' });
    expect(readDeadline('Có ít nhất 02 sáng kiến/giải pháp trở lên trong thực hiện nhiệm vụ CCHC của ngành trong năm.', 2022)).toEqual({ kind: 'period', end: '2022-12-31', label: 'trong năm' });
    expect(readDeadline('thường xuyên cập nhật, hoàn thành trước ngày 15/12/2023', 2023)).toMatchObject({ kind: 'date', end: '2023-12-15' });
  });
});
