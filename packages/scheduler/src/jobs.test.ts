import { isConfigurationError } from '@vectis/connector-core';
import { PgBoss } from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { weeklyCron } from './jobs';

// pg-boss's own reading of an expression in a zone (previewSchedule needs no connection): what
// the tenant will actually see, daylight-saving changes included.
const boss = new PgBoss({ connectionString: 'postgres://unused@127.0.0.1:1/unused' });
const next = (cron: string, tz: string, from: string, count = 3) => boss.previewSchedule(cron, { tz, from: new Date(from), count }).map((d) => d.toISOString());

describe('weeklyCron: the tenant’s day and local time as a cron expression read in its zone', () => {
  it('maps weekday and HH:MM to minute hour * * weekday, Sunday = 0 and Saturday = 6', () => {
    expect(weeklyCron({ weekday: 1, time: '06:30', timeZone: 'Europe/Berlin' })).toBe('30 6 * * 1');
    expect(weeklyCron({ weekday: 0, time: '00:00', timeZone: 'UTC' })).toBe('0 0 * * 0');
    expect(weeklyCron({ weekday: 6, time: '23:59', timeZone: 'America/Los_Angeles' })).toBe('59 23 * * 6');
    expect(weeklyCron({ weekday: 3, time: '09:05', timeZone: 'Asia/Kolkata' })).toBe('5 9 * * 3');
  });

  it('Monday 06:30 in Berlin fires at 05:30 UTC in winter and 04:30 UTC after the spring change', () => {
    const cron = weeklyCron({ weekday: 1, time: '06:30', timeZone: 'Europe/Berlin' });
    // 2027-03-28 is the last Sunday of March: CET (UTC+1) becomes CEST (UTC+2).
    expect(next(cron, 'Europe/Berlin', '2027-03-16T00:00:00Z')).toEqual(['2027-03-22T05:30:00.000Z', '2027-03-29T04:30:00.000Z', '2027-04-05T04:30:00.000Z']);
  });

  it('the local day is kept when it is another day in UTC (Monday 07:00 in Auckland is Sunday 18:00 UTC)', () => {
    const cron = weeklyCron({ weekday: 1, time: '07:00', timeZone: 'Pacific/Auckland' });
    const [first] = next(cron, 'Pacific/Auckland', '2026-12-02T00:00:00Z', 1);
    expect(first).toBe('2026-12-06T18:00:00.000Z'); // NZDT, UTC+13: Monday 7 December, 07:00 local
    expect(new Date(first ?? '').getUTCDay()).toBe(0);
  });

  it('reports every bad field at once, with what to write instead', () => {
    let error: unknown;
    try {
      weeklyCron({ weekday: 7, time: '6:30', timeZone: 'Mars/Olympus' });
    } catch (e) {
      error = e;
    }
    expect(isConfigurationError(error)).toBe(true);
    const message = (error as Error).message;
    for (const field of ['weekday', 'time', 'timeZone']) expect(message).toContain(field);
    expect(message).toContain('HH:MM');
  });

  it('rejects times that look right but are not (24:00, 12:60, a fractional weekday)', () => {
    expect(() => weeklyCron({ weekday: 1, time: '24:00', timeZone: 'UTC' })).toThrow(/time/);
    expect(() => weeklyCron({ weekday: 1, time: '12:60', timeZone: 'UTC' })).toThrow(/time/);
    expect(() => weeklyCron({ weekday: 1.5, time: '12:00', timeZone: 'UTC' })).toThrow(/weekday/);
  });
});
