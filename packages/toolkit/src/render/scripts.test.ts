import { describe, expect, it } from 'vitest';
import { scriptOf, scriptsOf } from './scripts.js';

describe('scriptsOf', () => {
  it('lists the scripts of a mixed string in order of first appearance', () => {
    expect(scriptsOf('Hello مرحبا 你好 world')).toEqual(['latin', 'arabic', 'han']);
    expect(scriptsOf('你好, Hello')).toEqual(['han', 'latin']);
  });

  it('gives no script for digits, spaces and punctuation', () => {
    expect(scriptsOf('0123456789')).toEqual([]);
    expect(scriptsOf(' 42, (3.14) - 7! ')).toEqual([]);
    expect(scriptsOf('')).toEqual([]);
  });

  it('recognises every supported script', () => {
    expect(scriptsOf('Ελληνικά')).toEqual(['greek']);
    expect(scriptsOf('Привет')).toEqual(['cyrillic']);
    expect(scriptsOf('שלום')).toEqual(['hebrew']);
    expect(scriptsOf('नमस्ते')).toEqual(['devanagari']);
    expect(scriptsOf('বাংলা')).toEqual(['bengali']);
    expect(scriptsOf('สวัสดี')).toEqual(['thai']);
    expect(scriptsOf('한국어')).toEqual(['hangul']);
    expect(scriptsOf('日本語のカタカナ')).toEqual(['han', 'hiragana', 'katakana']);
    expect(scriptsOf('café')).toEqual(['latin']);
    expect(scriptsOf('done ✓')).toEqual(['latin', 'symbols']);
  });

  it('treats combining marks as belonging to no script of their own', () => {
    expect(scriptsOf('cafe\u0301')).toEqual(['latin']);
  });

  it('detects emoji, including astral ones, flags and VS16 presentation', () => {
    expect(scriptsOf('😀')).toEqual(['emoji']);
    expect(scriptsOf('ok 👍🏽!')).toEqual(['latin', 'emoji']);
    expect(scriptsOf('🇫🇷')).toEqual(['emoji']);
    expect(scriptsOf('☕')).toEqual(['emoji']);
    expect(scriptsOf('\u263A')).toEqual(['symbols']);
    expect(scriptsOf('\u263A\uFE0F')).toEqual(['emoji']);
    expect(scriptsOf('1\uFE0F\u20E3')).toEqual(['emoji']);
  });

  it('classifies single code points at range boundaries', () => {
    expect(scriptOf(0x41)).toBe('latin');
    expect(scriptOf(0x40)).toBeUndefined();
    expect(scriptOf(0x4e00)).toBe('han');
    expect(scriptOf(0x9fff)).toBe('han');
    expect(scriptOf(0x20000)).toBe('han');
    expect(scriptOf(0x1f600)).toBe('emoji');
    expect(scriptOf(0x2713)).toBe('symbols');
    expect(scriptOf(0x3000)).toBeUndefined();
  });
});
