import { isOnOrAfter, isOnOrBefore, parseLocalDate } from '../dates/local-date';
import { ClientContext, isDeceased, isInLongTermCare, isIncomeBased, servicesInPeriod } from './context';
import { ErrorList } from './problems';
import { invoiceAddressOf } from './recipient';
import type { BillingSettingsSnapshot, PostalAddress, Registration } from './types';

// The settings checks of the error list (seed 002 p.28: "inkomst saknas", "församlingskod
// saknas", kontosträng). They need no rule table; the calculation adds 'rule-missing' and
// 'invalid-input' when it meets them.

function blank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

function completeAddress(address: PostalAddress | null): boolean {
  return address !== null && !blank(address.streetAddress) && !blank(address.postalCode) && !blank(address.city);
}

/** Registrations performed inside the period, in input order; a bad date is reported, not used. */
export function registrationsInPeriod(ctx: ClientContext, errors: ErrorList): Registration[] {
  return ctx.client.registrations.filter(
    (registration) =>
      errors.attempt(`Registration ${registration.id}`, () => `registrations.${registration.id}.performedOn`, () => {
        const day = parseLocalDate(registration.performedOn, 'performedOn');
        return isOnOrAfter(day, ctx.month.from) && isOnOrBefore(day, ctx.month.to);
      }) === true,
  );
}

function checkSettings(ctx: ClientContext, settings: BillingSettingsSnapshot, errors: ErrorList): void {
  const { client } = ctx;
  if (ctx.country === 'SE' && blank(settings.parishCode)) {
    errors.add('parish-code-missing', 'settings.parishCode', `${client.name}: the parish code (församlingskod) is missing; it is required in Sweden.`);
  }
  if (blank(settings.accountString)) {
    errors.add(
      'account-string-missing',
      'settings.accountString',
      `${client.name}: the account string (kontosträng / kustannuspaikka) is missing; report it to the billing team at once.`,
    );
  }
  const recipient = settings.recipient;
  const deceased = errors.attempt(client.name, () => 'dateOfDeath', () => isDeceased(client, ctx.month));
  if (deceased && recipient.kind !== 'estate') {
    errors.add(
      'recipient-missing',
      'settings.recipient.kind',
      `${client.name} died on ${client.dateOfDeath}: set the estate (kuolinpesä / dödsbo) as the invoice recipient, or the final invoice never arrives.`,
    );
  }
  if (recipient.kind !== 'client' && blank(recipient.name)) {
    errors.add('recipient-missing', 'settings.recipient.name', `${client.name}: the invoice recipient (${recipient.kind}) has no name.`);
  }
  // The client's own invoices go to the residence address unless another address is given.
  const address = invoiceAddressOf(settings);
  if (!recipient.address && recipient.kind === 'client' && settings.addressProtected) {
    errors.add(
      'address-protected',
      'settings.residenceAddress',
      `${client.name}: the address is protected by a security ban (turvakielto / skyddad identitet); invoicing holds none, so the billing team sends this invoice by hand without printing an address.`,
    );
  } else if (!completeAddress(address)) {
    errors.add('address-missing', 'settings.recipient.address', `${client.name}: the invoice recipient's address is missing or incomplete.`);
  }
  if (calculatedWithSpouse(ctx, settings) && ctx.spouse === null) {
    errors.add(
      'spouse-missing',
      'spouse',
      `${client.name}: the fee is calculated for a couple but the spouse is not in the household, so the spouse's income is unknown; add the spouse or change the fee calculation type to single.`,
    );
  }
}

/**
 * Whether the fee is calculated with the spouse: a married couple in both countries; cohabitants
 * in Finland, whose Act treats them as spouses, but not in Sweden, where a cohabitant's fee rests
 * on their own income.
 */
export function calculatedWithSpouse(ctx: ClientContext, settings: BillingSettingsSnapshot): boolean {
  return settings.feeCalculationType === 'couple' || (settings.feeCalculationType === 'cohabiting' && ctx.country === 'FI');
}

/**
 * Whether the fee needs the spouse's income: a Swedish married couple's incomes are pooled; the
 * FI spouse rule compares with a spouse living at home, not with one who is in long-term care too.
 */
export function needsSpouseIncome(ctx: ClientContext, settings: BillingSettingsSnapshot): boolean {
  if (!calculatedWithSpouse(ctx, settings) || settings.acceptsMaximumFee || ctx.spouse === null) return false;
  const services = servicesInPeriod(ctx.client, ctx.month);
  if (services.some((service) => service.kind === 'se-elderly-care')) return true;
  return services.some((service) => service.kind === 'fi-long-term-care') && !isInLongTermCare(ctx.spouse, ctx.month);
}

function checkIncome(ctx: ClientContext, settings: BillingSettingsSnapshot | null, errors: ErrorList): void {
  const { client } = ctx;
  // Without settings nobody has recorded that the client accepts the maximum fee.
  const acceptsMaximumFee = settings?.acceptsMaximumFee ?? false;
  const incomeBased = servicesInPeriod(client, ctx.month).filter(isIncomeBased);
  if (incomeBased.length > 0 && client.income === null && !acceptsMaximumFee) {
    errors.add(
      'income-missing',
      'income',
      `${client.name}: income is missing for ${incomeBased.map((service) => service.description).join(', ')}; enter the income or record that the client accepts the maximum fee.`,
    );
  }
  if (settings !== null && ctx.spouse !== null && ctx.spouse.income === null && needsSpouseIncome(ctx, settings)) {
    errors.add('income-missing', 'spouse.income', `${client.name}: the spouse's income is missing and the couple's fee needs it.`);
  }
}

function checkPrices(ctx: ClientContext, registrations: readonly Registration[], errors: ErrorList): void {
  for (const registration of registrations) {
    if (!ctx.priceList.has(registration.itemCode)) {
      errors.add(
        'price-missing',
        `registrations.${registration.id}.itemCode`,
        `${ctx.client.name}: registration ${registration.id} on ${registration.performedOn} has item ${registration.itemCode}, which is not in the price list.`,
      );
    }
  }
  for (const correction of ctx.client.corrections) {
    if (correction.itemCode !== null && !ctx.priceList.has(correction.itemCode)) {
      errors.add(
        'price-missing',
        `corrections.${correction.id}.itemCode`,
        `${ctx.client.name}: correction ${correction.id} names item ${correction.itemCode}, which is not in the price list.`,
      );
    }
  }
}

/** The checks on settings, income and prices, in the order the error list shows them. */
export function checkClient(ctx: ClientContext, registrations: readonly Registration[], errors: ErrorList): void {
  const settings = ctx.client.settings;
  if (settings === null) {
    errors.add('settings-missing', 'settings', `${ctx.client.name}: billing settings are missing for ${ctx.period}.`);
  }
  checkIncome(ctx, settings, errors);
  if (settings !== null) checkSettings(ctx, settings, errors);
  checkPrices(ctx, registrations, errors);
}
