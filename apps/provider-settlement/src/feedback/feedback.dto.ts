import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { FEEDBACK_KINDS } from '@clientfees/domain';

export class GiveFeedbackDto {
  @ApiProperty({ example: 'fi-kouvola' })
  @IsString()
  organisationId!: string;

  @ApiProperty({ example: 'kotiranta' })
  @IsString()
  providerId!: string;

  @ApiPropertyOptional({ description: 'The service event the feedback is about.' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be an event id' })
  eventId?: string;

  @ApiProperty({ enum: FEEDBACK_KINDS, example: 'reclamation', description: 'thanks (kiitos), complaint (moite) or reclamation (reklamaatio, always answered)' })
  @IsIn(FEEDBACK_KINDS, { message: `kind must be one of ${FEEDBACK_KINDS.join(', ')}` })
  kind!: (typeof FEEDBACK_KINDS)[number];

  @ApiProperty({ example: 'The evening medication was late three times this week.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;

  @ApiProperty({ example: true, description: 'The client wants an answer (a reclamation always gets one).' })
  @IsBoolean()
  answerRequested!: boolean;
}

export class AnswerFeedbackDto {
  @ApiProperty({ example: 'We have changed the evening shift so that medication is given at 20:00.' })
  @IsString()
  @MaxLength(4000)
  answer!: string;
}
