import type { Violation } from '@lib/core';

/**
 * Passwords people actually pick (the head of the public breach lists, and local favourites); a password equal to
 * one of them, ignoring case, is refused. Short on purpose: the rules below refuse most of the rest.
 */
const COMMON = new Set(
  [
    '1234567890',
    '12345678910',
    '123456789a',
    'a123456789',
    '0123456789',
    '9876543210',
    '1111111111',
    '0000000000',
    '1234554321',
    '1q2w3e4r5t',
    'qwertyuiop',
    'qwerty1234',
    '1qaz2wsx3edc',
    'zaq12wsxcde3',
    'password123',
    'password1234',
    'passw0rd123',
    'p@ssw0rd123',
    'iloveyou123',
    'woaini1314',
    'woaini520',
    '5201314520',
    'abc1234567',
    'abcd123456',
    'abcdefghij',
    'admin12345',
    'admin123456',
    'administrator',
    'welcome123',
    'letmein123',
    'changeme123',
    'qwer123456',
    'asdf123456',
    'zxcvbnm123',
    'football123',
    'baseball123',
    'sunshine123',
    'princess123',
    'dragon1234',
    'monkey1234',
    'correcthorsebatterystaple',
    'aa123456789',
    'qq123456789',
    'a1234567890',
    'asd123456789',
    'zhang123456',
    'wang123456',
  ].map((p) => p.toLowerCase()),
);

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/];

const weak = (en: string, zh: string): Violation => ({ field: 'password', code: 'weak_password', message: { zh, en } });

/**
 * The password rules (issue #14): at least 10 characters, not blank, not a common password, not containing the
 * username, and at least two character classes (lower, upper, digit, symbol) unless 16 or more characters long.
 */
export function passwordViolations(password: string, username: string): Violation[] {
  const out: Violation[] = [];
  const p = password.trim();
  if (password.length < 10) out.push(weak('At least 10 characters', '密码至少 10 个字符'));
  if (p.length === 0) out.push(weak('The password is blank', '密码不能全是空格'));
  else if (COMMON.has(password.toLowerCase()) || new Set(p).size <= 2)
    out.push(weak('This password is too common or too simple', '密码过于常见或过于简单'));
  const u = username.trim().toLowerCase();
  if (u.length >= 3 && password.toLowerCase().includes(u)) out.push(weak('The password contains the username', '密码不能包含用户名'));
  if (password.length < 16 && CLASSES.filter((c) => c.test(password)).length < 2)
    out.push(
      weak(
        'Use two kinds of characters (letters, digits, symbols) or 16 or more characters',
        '请混用两类字符（字母、数字、符号），或使用 16 个以上字符',
      ),
    );
  return out;
}
