/**
 * Who receives the deceased client's invoices: the estate (kuolinpesä / dödsbo) through a
 * shareholder (osakas / dödsbodelägare) or the estate administrator (pesänhoitaja /
 * boutredningsman), entered by the estate investigator. Seed 002 (Linköping, "Fakturamottagare
 * på avliden"): without it the final invoice never arrives.
 */
export const ESTATE_CONTACT_KINDS = ['shareholder', 'administrator'] as const;
export type EstateContactKind = (typeof ESTATE_CONTACT_KINDS)[number];

export interface EstateContactDetails {
  readonly kind: string;
  readonly name: string;
  readonly streetAddress: string;
  readonly postalCode: string;
  readonly city: string;
}

/** The first problem with the contact as `{ field, reason }`, or undefined. */
export function estateContactProblem(contact: EstateContactDetails): { field: string; reason: string } | undefined {
  if (!(ESTATE_CONTACT_KINDS as readonly string[]).includes(contact.kind)) {
    return { field: 'contact.kind', reason: `is one of ${ESTATE_CONTACT_KINDS.join(', ')}` };
  }
  for (const field of ['name', 'streetAddress', 'postalCode', 'city'] as const) {
    if (!contact[field]?.trim()) return { field: `contact.${field}`, reason: 'is required: invoices are sent to this address' };
  }
  return undefined;
}

/**
 * The recipient name on the estate's invoices, in the language of the invoice. The Finnish form
 * is the uninflected one registers use ("Aino Testinen kuolinpesä"): the genitive would need the
 * name's inflection, which a program cannot guess.
 */
export function estateRecipientName(language: 'fi' | 'sv', deceasedName: string, contactName: string): string {
  return language === 'sv' ? `Dödsbo efter ${deceasedName} c/o ${contactName}` : `${deceasedName} kuolinpesä c/o ${contactName}`;
}
