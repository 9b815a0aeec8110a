import type { Checklist } from '../inspection-rules.types.js';
import { checklistVersion } from '../checklists/index.js';
import { plainSummary } from './summary.js';

const fire = checklistVersion('fire', 1);

describe('plainSummary: what failed and whether it was put right, for the public', () => {
  it('says so when nothing failed', () => {
    expect(plainSummary(fire, [], [], 'zh')).toBe('全部检查项合格');
    expect(plainSummary(fire, [], [], 'en')).toBe('All items passed');
  });

  it('lists each failed item in plain words with whether it was put right, in checklist order', () => {
    const failed = ['FIRE-EXT-02', 'FIRE-EXIT-01'];
    expect(plainSummary(fire, failed, ['FIRE-EXIT-01'], 'zh')).toBe(
      '2 项不合格：疏散通道或安全出口被堵塞（已整改）；灭火器失效或过期（整改中）',
    );
    expect(plainSummary(fire, failed, ['FIRE-EXIT-01'], 'en')).toBe(
      '2 items failed: Escape route or exit blocked (put right); Extinguishers discharged or expired (being put right)',
    );
  });

  it('uses the singular for one item', () => {
    expect(plainSummary(fire, ['FIRE-EXIT-02'], [], 'en')).toBe('1 item failed: Exit locked (being put right)');
  });

  it('counts an item once however many orders it had, and ignores codes not on the checklist', () => {
    expect(plainSummary(fire, ['FIRE-EXIT-02', 'FIRE-EXIT-02', 'FOOD-LIC-01'], [], 'zh')).toBe('1 项不合格：安全出口上锁（整改中）');
  });

  it('names no inspector and repeats no inspector note', () => {
    const text = plainSummary(fire, ['FIRE-EXIT-01'], [], 'zh');
    expect(text).not.toMatch(/检查员|inspector/i);
  });

  it('falls back to the requirement text for a checklist without short findings', () => {
    const bare: Checklist = {
      domain: 'food',
      version: 1,
      effectiveFrom: '2025-01-01',
      items: [
        {
          code: 'FOOD-T-01',
          section: '测试',
          sectionEn: 'Test',
          text: '留样',
          textEn: 'Samples kept',
          severity: 'critical',
          rule: '餐饮服务食品安全操作规范',
        },
      ],
    };
    expect(plainSummary(bare, ['FOOD-T-01'], ['FOOD-T-01'], 'en')).toBe('1 item failed: Samples kept (put right)');
  });
});
