import {
  careHousingFoodDeduction,
  effectivePlannedAbsence,
  plannedAbsenceDeduction,
  unplannedAbsenceDeduction,
} from '../absences/absences';
import { compareLocalDates } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { ruleVersion } from '../fees/explanation';
import { Money } from '../money/money';
import { ClientContext } from './context';
import { ErrorList } from './problems';
import { DateRange, dayCount, intersect, rangeOf } from './proration';
import { DraftRow, explanation } from './rows';
import type { Absence, DecidedService } from './types';

function absenceRange(ctx: ClientContext, absence: Absence): DateRange {
  // Open-ended: the client is still away, so the absence runs to the period's last day.
  return rangeOf(absence.firstDay, absence.lastDay, ctx.month.to, { from: 'firstDay', to: 'lastDay' });
}

/** Absences that touch the month, by first day and id: a fixed order for the rows. */
export function absencesInPeriod(ctx: ClientContext, errors: ErrorList): Absence[] {
  const found = ctx.client.absences.filter(
    (absence) =>
      errors.attempt(`Absence ${absence.id}`, (field) => `absences.${absence.id}${field ? `.${field}` : ''}`, () => intersect(absenceRange(ctx, absence), ctx.month) !== null) ===
      true,
  );
  return found.sort((a, b) => compareLocalDates(a.firstDay, b.firstDay) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Open-ended absences of the period (in the order absencesInPeriod gives), for the watch list (bevakning). */
export function openAbsenceIds(absences: readonly Absence[]): string[] {
  return absences.filter((absence) => absence.lastDay === null).map((absence) => absence.id);
}

interface AbsenceDays {
  /** The deductible days inside the period and the service's validity; null: none. */
  readonly range: DateRange | null;
  readonly lines: readonly string[];
}

/**
 * The days of an absence that count for one service this month. A planned absence counts from
 * 7 days after the notice when the notice came late; every absence counts only inside the period
 * and the days the service is valid (days it is not charged cannot be deducted).
 */
function deductibleDays(ctx: ClientContext, absence: Absence, coverage: DateRange): AbsenceDays {
  const whole = absenceRange(ctx, absence);
  const lines: string[] = [];
  let range = intersect(whole, coverage);
  if (range === null) return { range: null, lines };
  if (absence.kind === 'planned') {
    if (absence.notifiedOn === null) throw new DomainValidationError('must be set for a planned absence (the 7-day notice rule needs it)', 'notifiedOn');
    const effective = effectivePlannedAbsence(absence.notifiedOn, absence.firstDay, range.to);
    if (effective.movedByLateNotice) {
      lines.push(
        effective.firstDeductibleDay === null
          ? `notified ${absence.notifiedOn}, less than 7 days ahead: no deductible day before ${range.to}`
          : `notified ${absence.notifiedOn}, less than 7 days ahead: deductible from ${effective.firstDeductibleDay}`,
      );
    }
    range = effective.firstDeductibleDay === null ? null : intersect({ from: effective.firstDeductibleDay, to: effective.lastDay }, coverage);
  }
  if (range !== null) {
    const open = absence.lastDay === null ? ' (open-ended: to the end of the period)' : '';
    lines.unshift(`${absence.kind} absence ${absence.firstDay} … ${absence.lastDay ?? 'open'}${open}`);
    lines.push(`days counted this period: ${range.from} … ${range.to} = ${dayCount(range)} days`);
  }
  return { range, lines };
}

/**
 * The deduction rows of one service: per absence a care-fee deduction (planned: min(100, 25 ×
 * whole weeks) % of the monthly fee, nothing under 7 days; unplanned: 1/30 of the monthly fee a
 * day) and, in SE care housing, the food price per absence day. Deductions never take the
 * service's charged fee below zero: each is capped at what is left of it.
 */
export function absenceRows(
  ctx: ClientContext,
  service: DecidedService,
  monthlyFee: Money,
  charged: Money,
  coverage: DateRange,
  absences: readonly Absence[],
  errors: ErrorList,
): DraftRow[] {
  const rows: DraftRow[] = [];
  let left = charged;
  const take = (amount: Money, lines: string[]): Money => {
    if (!amount.isGreaterThan(left)) return amount;
    lines.push(`capped at what is left of the fee: ${left.toString()}`);
    return left;
  };
  for (const absence of absences) {
    const what = `Absence ${absence.id} (${service.description})`;
    const fieldOf = (field: string | undefined) => `absences.${absence.id}${field ? `.${field}` : ''}`;
    // Named without the service: a problem with the absence itself is listed once, not per service.
    const days = errors.attempt(`Absence ${absence.id}`, fieldOf, () => deductibleDays(ctx, absence, coverage));
    if (days === undefined || days.range === null) continue;
    const count = dayCount(days.range);
    const inputs = { absenceId: absence.id, kind: absence.kind, serviceCode: service.serviceCode, days: String(count), monthlyFee: monthlyFee.toDecimalString() };

    if (service.absenceDeductible) {
      const lines = [...days.lines];
      let deduction: Money;
      if (absence.kind === 'planned') {
        const planned = plannedAbsenceDeduction(monthlyFee, count);
        deduction = planned.deduction;
        lines.push(
          planned.deductionPercent === 0
            ? 'planned absence under 7 days: no deduction'
            : `min(100, 25 × floor(${count} / 7)) = ${planned.deductionPercent} % of ${monthlyFee.toString()} = ${deduction.toString()}`,
        );
      } else {
        deduction = unplannedAbsenceDeduction(monthlyFee, count).deduction;
        lines.push(`${monthlyFee.toString()} × ${count} / 30 = ${deduction.toString()} (rounded half up to the cent)`);
      }
      deduction = take(deduction, lines);
      if (deduction.isPositive()) {
        left = left.subtract(deduction);
        rows.push({
          kind: 'absence-deduction',
          description: `${service.description}: ${absence.kind} absence ${days.range.from} … ${days.range.to}`,
          code: service.serviceCode,
          quantity: String(count),
          unitPrice: null,
          amount: deduction.negate(),
          explanation: explanation([], inputs, lines),
        });
      }
    }

    if (service.includesCareHousingFood) {
      const food = errors.attempt(what, fieldOf, () => {
        if (ctx.country !== 'SE') throw new DomainValidationError('care-housing food is a Swedish rule', `services.${service.serviceCode}.includesCareHousingFood`);
        return careHousingFoodDeduction(ctx.month.from, count, ctx.tables);
      });
      if (food === undefined) continue;
      const lines = [...days.lines, `food ${food.perDay.toString()} a day × ${count} days = ${food.deduction.toString()}`];
      const deduction = take(food.deduction, lines);
      if (deduction.isPositive()) {
        left = left.subtract(deduction);
        rows.push({
          kind: 'food-deduction',
          description: `${service.description}: food, absence ${days.range.from} … ${days.range.to}`,
          code: service.serviceCode,
          quantity: String(count),
          unitPrice: food.perDay.toDecimalString(),
          amount: deduction.negate(),
          explanation: explanation([ruleVersion('care-housing food deductions', food.rule)], inputs, lines),
        });
      }
    }
  }
  return rows;
}
