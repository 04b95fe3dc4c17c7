import { Module } from '@nestjs/common';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';

/** Absences, their watches and the control list. */
@Module({ controllers: [AbsencesController], providers: [AbsencesService] })
export class AbsencesModule {}
