import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes through which the finance centre lists and monitors workflows.
 * They name clients by client number only: a personal identity code never goes here.
 */
export const SearchAttributes = {
  invoiceState: defineSearchAttributeKey('InvoiceState', SearchAttributeType.KEYWORD),
  organisationId: defineSearchAttributeKey('OrganisationId', SearchAttributeType.KEYWORD),
  dueDate: defineSearchAttributeKey('DueDate', SearchAttributeType.DATETIME),
  amountCents: defineSearchAttributeKey('AmountCents', SearchAttributeType.INT),
  clientNumber: defineSearchAttributeKey('ClientNumber', SearchAttributeType.KEYWORD),
} as const;

export const ALL_SEARCH_ATTRIBUTE_KEYS = Object.values(SearchAttributes);

/** Name → type, in the form the Temporal CLI (`--search-attribute Name=Type`) and test servers take. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: Record<string, 'Keyword' | 'Datetime' | 'Int'> = {
  InvoiceState: 'Keyword',
  OrganisationId: 'Keyword',
  DueDate: 'Datetime',
  AmountCents: 'Int',
  ClientNumber: 'Keyword',
};
