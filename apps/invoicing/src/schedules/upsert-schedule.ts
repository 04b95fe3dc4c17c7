// Shared by every service that keeps Temporal Schedules: the platform owns it.
export { deleteSchedule, upsertSchedule, WEEKDAYS } from '@clientfees/platform';
