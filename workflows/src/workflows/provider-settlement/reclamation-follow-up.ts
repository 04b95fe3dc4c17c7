import { condition, setHandler } from '@temporalio/workflow';
import { reclamationAnsweredSignal, ReclamationFollowUpInput } from '@clientfees/contracts';
import { addDays, localDateInZone, RECLAMATION_REMINDER_DAYS, startOfDayInZone } from '@clientfees/domain/workflow';
import { settlementActivities as activities, untilLocal } from './activities';

/**
 * A reclamation must get its answer (seed 003 §4.4): until the provider answers, it is reminded
 * every RECLAMATION_REMINDER_DAYS days at 08:00. The answer itself is stored once by the service;
 * the signal only ends the wait sooner (a reminder finding it answered ends it too).
 */
export async function reclamationFollowUp(input: ReclamationFollowUpInput): Promise<{ reminders: number }> {
  let answered = false;
  setHandler(reclamationAnsweredSignal, () => {
    answered = true;
  });
  const given = localDateInZone(Date.now(), input.timeZone);
  let reminders = 0;
  while (!answered) {
    const remindOn = addDays(given, RECLAMATION_REMINDER_DAYS * (reminders + 1));
    if (await condition(() => answered, untilLocal(remindOn, 8, input.timeZone, startOfDayInZone))) break;
    if (!(await activities.remindReclamationHandler({ feedbackId: input.feedbackId }))) break;
    reminders += 1;
  }
  return { reminders };
}
