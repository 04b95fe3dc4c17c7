import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainValidationError, LETTER_LANGUAGES, LetterLanguage } from '@clientfees/domain';
import { AuditRead, MayDo, Scope } from '@clientfees/platform';
import { DecisionLettersService } from './decision-letters.service';

@ApiTags('fee-decisions')
@Controller('fee-decisions')
export class DecisionsController {
  constructor(private readonly letters: DecisionLettersService) {}

  @Get(':id/document')
  @MayDo('income-review.read')
  @AuditRead('income')
  @Scope.resource('fee-decision')
  @Header('content-type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiQuery({ name: 'language', enum: LETTER_LANGUAGES, example: 'fi', description: 'fi: asiakasmaksupäätös; sv: klientavgiftsbeslut.' })
  @ApiOperation({
    summary: 'The fee decision letter as a PDF in Finnish or Swedish: the fee and its validity, each income with its source and rule, the incomes left out and why, the arithmetic, the rule versions and the appeal instructions. A security ban keeps the address off it.',
  })
  async document(@Param('id', new ParseUUIDPipe()) id: string, @Query('language') language = 'fi') {
    if (!(LETTER_LANGUAGES as readonly string[]).includes(language)) throw new DomainValidationError(`must be one of ${LETTER_LANGUAGES.join(', ')}`, 'language');
    const pdf = await this.letters.pdf(id, language as LetterLanguage);
    return new StreamableFile(pdf, { disposition: `inline; filename="fee-decision-${id}-${language}.pdf"` });
  }
}
