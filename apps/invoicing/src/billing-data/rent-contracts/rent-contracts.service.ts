import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainValidationError, Money, nextPeriod, parseLocalDate, periodOf, rentContractEndDate, rentContractStartDate } from '@clientfees/domain';
import { conflict, Database, Tx } from '@clientfees/platform';
import { loadClient, readOfClient } from '../clients/client-lookup';
import { contractRunningOn, findRentContract, insertRentContract, recordMoveOut, RentContract, rentContractsOf } from './rent-contract.queries';
import type { CreateRentContractDto } from './rent-contracts.dto';

async function contractOf(tx: Tx, id: string): Promise<RentContract> {
  const contract = await findRentContract(tx, id);
  if (!contract) throw new NotFoundException(`no rent contract ${id}`);
  return contract;
}

/** Rent contracts in care housing and service apartments (seed 002, p.13-16). */
@Injectable()
export class RentContractsService {
  constructor(private readonly db: Database) {}

  /** A move-in: the contract date follows the housing type and the move-in day; one contract runs at a time. */
  async create(clientId: string, body: CreateRentContractDto, actor: string): Promise<RentContract> {
    const moveIn = parseLocalDate(body.moveIn, 'moveIn');
    const contractStart = rentContractStartDate(body.housing, moveIn);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const { organisation } = await loadClient(tx, clientId, true);
      const monthlyRentCents = Money.parse(body.monthlyRent, organisation.currency, 'monthlyRent').minorUnits;
      const current = await contractRunningOn(tx, clientId, contractStart);
      if (current) {
        throw conflict(
          current.contractEnd === null
            ? `the client has a rent contract from ${current.contractStart} without a move-out; record the move-out first`
            : `the client's rent contract runs until ${current.contractEnd}, after this contract's start ${contractStart}`,
          'moveIn',
          'overlaps another rent contract',
        );
      }
      const rentFreeMonthPeriod = body.rentFreeMonth ? nextPeriod(periodOf(contractStart)) : null;
      await insertRentContract(tx, { id, clientId, housing: body.housing, moveIn, contractStart, monthlyRentCents, rentFreeMonthPeriod, createdBy: actor });
    });
    return this.db.read((tx) => contractOf(tx, id));
  }

  /** The contract ends on the 14th (half rent) or the month's last day (full rent). */
  async moveOut(id: string, moveOut: string, rent: 'half' | 'full'): Promise<RentContract> {
    const day = parseLocalDate(moveOut, 'moveOut');
    const contractEnd = rentContractEndDate(day, rent);
    await this.db.transaction(async (tx) => {
      const contract = await contractOf(tx, id);
      await loadClient(tx, contract.clientId, true);
      if (contract.terms.moveOut !== null) throw conflict(`the move-out was already recorded (${contract.terms.moveOut})`, 'moveOut', 'already moved out');
      if (day < contract.terms.moveIn) throw new DomainValidationError(`must not be before the move-in (${contract.terms.moveIn})`, 'moveOut');
      if (contractEnd < contract.contractStart) {
        throw new DomainValidationError(`the contract would end (${contractEnd}) before it starts (${contract.contractStart}): choose full rent`, 'rent');
      }
      await recordMoveOut(tx, id, { moveOut: day, rent, contractEnd });
    });
    return this.db.read((tx) => contractOf(tx, id));
  }

  list(clientId: string): Promise<RentContract[]> {
    return readOfClient(this.db, clientId, (tx) => rentContractsOf(tx, clientId));
  }
}
