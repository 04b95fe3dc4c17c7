import { SetMetadata } from '@nestjs/common';

export const AUDIT_READ_KEY = 'clientfees:audit-read';

/**
 * The personal data a law asks who has seen: personal identity codes and incomes (the access
 * log of the Finnish Act on the processing of client data in social and health care 703/2023;
 * GDPR art. 15 for the data subject's own questions), and the audit log itself, which repeats
 * what was overwritten.
 */
export type PersonalDataKind = 'identity-code' | 'income' | 'audit-log';

/**
 * Marks a GET route whose answer carries personal data of this kind: every call is written to
 * the audit log with the caller, the organisation, the resource and the number of records, and
 * the data leaves only once that entry is stored.
 */
export const AuditRead = (kind: PersonalDataKind) => SetMetadata(AUDIT_READ_KEY, kind);
