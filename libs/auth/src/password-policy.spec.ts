import { passwordViolations } from './password-policy.js';

const codes = (p: string, u = 'operator01') => passwordViolations(p, u).map((v) => v.message.en);

describe('password rules', () => {
  it('refuse blank, common, single-class and username-bearing passwords', () => {
    expect(codes('          ')).toContain('The password is blank');
    expect(codes('1234567890')).toContain('This password is too common or too simple');
    expect(codes('aaaaaaaaaaaa1')).toContain('This password is too common or too simple');
    expect(codes('operator01-x', 'operator01')).toContain('The password contains the username');
    expect(codes('abcdefghijkl')).toContain('Use two kinds of characters (letters, digits, symbols) or 16 or more characters');
    expect(codes('short1')).toContain('At least 10 characters');
  });
  it('accept two classes, or 16+ characters of one', () => {
    expect(codes('correct-horse-battery')).toEqual([]);
    expect(codes('Tuoyu2026spring')).toEqual([]);
    expect(codes('longlonglonglongpassphrase')).toEqual([]);
  });
});
