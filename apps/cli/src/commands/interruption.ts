import { KOUVOLA_2016_INTERRUPTION_RULE, splitInterruption } from '@clientfees/domain';
import { dateOption, parseOptions } from '../options';
import { withOptionNames } from './fee';

export const interruptionHelp = `clientfees interruption --start YYYY-MM-DD --end YYYY-MM-DD [--json]
  Splits an interruption of a continuing daily service (keskeytys: hospital, holiday or other)
  by the organisation-default rule (Kouvola from 1.1.2016, seed 003 §4.3.5.1): the departure day
  (day 0) and the next 10 days at 100 %, later days at 0 %, the return day (--end) at 100 %.
  --json prints {"compensatedDays", "uncompensatedDays", "days": [{"date", "percent"}, …]} with
  one entry per day from --start to --end, both included.`;

export function interruptionCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    start: { type: 'string' },
    end: { type: 'string' },
    json: { type: 'boolean' },
  });
  const start = dateOption(values, 'start');
  const end = dateOption(values, 'end');
  const split = withOptionNames(() => splitInterruption(start, end, KOUVOLA_2016_INTERRUPTION_RULE));
  if (values.json) {
    return JSON.stringify({
      compensatedDays: split.compensatedDays,
      uncompensatedDays: split.uncompensatedDays,
      days: split.days.map((day) => ({ date: day.date, percent: day.percent })),
    });
  }
  const label = { departure: 'departure (day 0)', away: 'away', return: 'return day', 'departure-and-return': 'departure and return' } as const;
  return [
    `${split.compensatedDays} day(s) compensated, ${split.uncompensatedDays} not`,
    ...split.days.map((day) => `${day.date}  ${String(day.percent).padStart(3)} %  ${day.kind === 'away' ? `day ${day.dayNumber}` : label[day.kind]}`),
  ].join('\n');
}
