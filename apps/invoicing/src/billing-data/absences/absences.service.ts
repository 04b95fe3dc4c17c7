import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { closingConflict, daysOpen, isWatchDue, newAbsence, overlappingAbsence, parseLocalDate, watchConflict, type AbsenceConflict } from '@clientfees/domain';
import { conflict, Database, Tx } from '@clientfees/platform';
import { organisationFromBody } from '../../organisations/organisation-lookup';
import { todayIn } from '../billing-period';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { Absence, absencesOf, closeAbsence, findAbsence, insertAbsence, moveAbsenceWatch, openAbsences } from './absence.queries';
import type { CreateAbsenceDto } from './absences.dto';
import type { OpenAbsenceView } from './absence.view';

const optionalDate = (text: string | undefined, field: string) => (text === undefined ? null : parseLocalDate(text, field));

function refuse(refusal: AbsenceConflict | null): void {
  if (refusal) throw conflict(refusal.message, refusal.field, refusal.reason);
}

async function absenceOf(tx: Tx, id: string): Promise<Absence> {
  const absence = await findAbsence(tx, id);
  if (!absence) throw new NotFoundException(`no absence ${id}`);
  return absence;
}

/**
 * Absences (poissaolo / frånvaro) that reduce care fees; open-ended ones are watched until closed.
 * The register's rules are the domain's (`absence-register`); a client's writes are serialised by
 * locking the client.
 */
@Injectable()
export class AbsencesService {
  constructor(private readonly db: Database) {}

  async create(clientId: string, body: CreateAbsenceDto, actor: string): Promise<Absence> {
    const absence = newAbsence({
      kind: body.kind,
      firstDay: parseLocalDate(body.firstDay, 'firstDay'),
      lastDay: optionalDate(body.lastDay, 'lastDay'),
      notifiedOn: optionalDate(body.notifiedOn, 'notifiedOn'),
      watchOn: optionalDate(body.watchOn, 'watchOn'),
    });
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await loadClient(tx, clientId, true);
      refuse(overlappingAbsence(absence, await absencesOf(tx, clientId)));
      await insertAbsence(tx, { id, clientId, ...absence, reason: body.reason ?? null, registeredBy: actor });
    });
    return this.get(id);
  }

  /** The client is back: an open-ended absence ends on `lastDay` and leaves the control list. */
  async close(id: string, lastDay: string): Promise<Absence> {
    const last = parseLocalDate(lastDay, 'lastDay');
    await this.db.transaction(async (tx) => {
      const { clientId } = await absenceOf(tx, id);
      await loadClient(tx, clientId, true);
      const clientAbsences = await absencesOf(tx, clientId);
      refuse(closingConflict(clientAbsences.find((absence) => absence.id === id)!, last, clientAbsences));
      await closeAbsence(tx, id, last);
    });
    return this.get(id);
  }

  /** The client is still away: check again on `watchOn`. */
  async moveWatch(id: string, watchOn: string): Promise<Absence> {
    const day = parseLocalDate(watchOn, 'watchOn');
    await this.db.transaction(async (tx) => {
      refuse(watchConflict(await absenceOf(tx, id), day));
      await moveAbsenceWatch(tx, id, day);
    });
    return this.get(id);
  }

  list(clientId: string): Promise<Absence[]> {
    return readOfClient(this.db, clientId, (tx) => absencesOf(tx, clientId));
  }

  /**
   * The control list (seed 002, p.24): the organisation's open-ended absences, longest open first;
   * with `watchesDueOn`, only those whose watch is due by that day (today when `'today'`).
   */
  async controlList(organisationId: string, watchesDueOn?: string | 'today'): Promise<OpenAbsenceView[]> {
    return this.db.read(async (tx) => {
      const organisation = await organisationFromBody(tx, organisationId);
      const today = todayIn(organisation.timeZone);
      const date = watchesDueOn === undefined ? null : watchesDueOn === 'today' ? today : parseLocalDate(watchesDueOn, 'date');
      const open = await openAbsences(tx, organisation.id);
      return open
        .filter((absence) => date === null || isWatchDue(absence, date))
        .map((absence) => ({
          absenceId: absence.id,
          clientId: absence.clientId,
          clientNumber: absence.clientNumber,
          name: absence.name,
          kind: absence.kind,
          firstDay: absence.firstDay,
          daysOpen: daysOpen(absence.firstDay, today),
          reason: absence.reason,
          watchOn: absence.watchOn,
        }));
    });
  }

  private async get(id: string): Promise<Absence> {
    return this.db.read((tx) => absenceOf(tx, id));
  }
}
