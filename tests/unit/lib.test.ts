import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { AppError, errorCodes, statusOf } from '../../server/lib/errors.ts';
import { maskEmail, maskIdCard, maskPhone, maskRecord } from '../../server/lib/mask.ts';
import { passwordProblem } from '../../server/modules/identity/password.ts';

describe('errors', () => {
  it('every code has an HTTP status', () => {
    for (const code of errorCodes) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
    expect(new AppError('FORBIDDEN', 'x').status).toBe(403);
    expect(statusOf('CONSORTIUM_NOT_FOUND')).toBe(404);
    expect(statusOf('UNAUTHENTICATED')).toBe(401);
  });
});

describe('masking', () => {
  it('keeps the minimum of personal data', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdCard('11010519491231002X')).toBe('1101**********002X');
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskPhone('123')).toBe('***');
    expect(
      maskRecord({ phone: '13812345678', email: null, name: '张三' }, { phone: 'phone', email: 'email' }),
    ).toEqual({
      phone: '138****5678',
      email: null,
      name: '张三',
    });
  });
});

describe('password rules', () => {
  it('names the broken rule', () => {
    expect(passwordProblem('short1')).toBe('at least 8 characters');
    expect(passwordProblem('onlyletters')).toBe('must contain a letter and a digit');
    expect(passwordProblem('12345678')).toBe('must contain a letter and a digit');
    expect(passwordProblem('alice2026', 'ALICE2026')).toBe('must differ from the username');
    expect(passwordProblem('x'.repeat(129) + '1')).toBe('at most 128 characters');
    expect(passwordProblem('good-pass-1')).toBeNull();
  });
});

describe('config', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    if (c.database.kind === 'pglite') expect(c.database.dataDir).toMatch(/data$/);
  });

  it('switches to PostgreSQL with DATABASE_URL and treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    });
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('reads which proxies to trust: none, a number of hops, or their addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ CHANJIAO_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ CHANJIAO_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ CHANJIAO_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
    expect(() => loadConfig({ CHANJIAO_TRUST_PROXY: 'yes' })).toThrow(/CHANJIAO_TRUST_PROXY/);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ CHANJIAO_DEMO_PASSWORD: 'short' })).toThrow(/CHANJIAO_DEMO_PASSWORD/);
  });
});
