import { describe, expect, it } from 'vitest';
import { browserLang } from './browserLang';

describe('browserLang', () => {
  it('takes the first preferred language the twin speaks, Vietnamese otherwise', () => {
    expect(browserLang(['vi-VN', 'en-US'])).toBe('vi');
    expect(browserLang(['fr-FR', 'EN-gb', 'vi'])).toBe('en');
    expect(browserLang(['zh-CN', 'fr'])).toBe('vi');
    expect(browserLang([])).toBe('vi');
  });
});
