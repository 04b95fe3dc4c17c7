/** Who a decision letter names as its sender and as the receiver of a request for rectification. */
export interface LetterSettings {
  organisationName: string;
  appealTo: { fi: { authority: string; address: string }; sv: { authority: string; address: string } };
}

export const LETTER_SETTINGS = Symbol('LETTER_SETTINGS');

/**
 * DECISION_ORGANISATION_NAME, DECISION_APPEAL_AUTHORITY_FI / _SV and DECISION_APPEAL_ADDRESS:
 * the wellbeing services county's name, the body that decides requests for rectification in
 * individual matters, and its postal address.
 */
export function letterSettingsFromEnv(env: Record<string, string | undefined>): LetterSettings {
  const address = env.DECISION_APPEAL_ADDRESS || 'Kirjaamo, PL 1000, 02070 Hyvinvointialue';
  return {
    organisationName: env.DECISION_ORGANISATION_NAME || 'Hyvinvointialue / Välfärdsområdet',
    appealTo: {
      fi: { authority: env.DECISION_APPEAL_AUTHORITY_FI || 'Hyvinvointialueen yksilöasioista päättävä toimielin', address },
      sv: { authority: env.DECISION_APPEAL_AUTHORITY_SV || 'Välfärdsområdets organ för individärenden', address },
    },
  };
}
