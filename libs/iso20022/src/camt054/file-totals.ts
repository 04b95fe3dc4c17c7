import { XMLParser } from 'fast-xml-parser';
import Decimal from 'decimal.js';

/**
 * What a camt.054 file moves, per currency, read as plainly as possible and independently of the
 * parser (tests check that the parser accounts for every cent of it): each transaction's own
 * amount (`TxDtls/Amt` or `TxDtls/AmtDtls/TxAmt/Amt`); an entry whose transactions do not all
 * state one, or that has none, counts with its entry amount. Directions are not netted: a debit
 * of 10 and a credit of 10 are 20 that must each be accounted for.
 */
export function fileTotals(xml: string): Record<string, string> {
  const root = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute }).parse(xml);
  const totals = new Map<string, Decimal>();
  const add = (amount: Node) => {
    const currency = amount['@Ccy'] as string;
    totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(new Decimal(textOf(amount))));
  };
  for (const document of list(root, 'Document')) {
    for (const message of list(document, 'BkToCstmrDbtCdtNtfctn')) {
      for (const notification of list(message, 'Ntfctn')) {
        for (const entry of list(notification, 'Ntry')) {
          const transactions = list(entry, 'NtryDtls').flatMap((details) => list(details, 'TxDtls'));
          const own = transactions.map((tx) => list(tx, 'Amt')[0] ?? list(list(list(tx, 'AmtDtls')[0], 'TxAmt')[0], 'Amt')[0]);
          if (transactions.length > 0 && own.every(Boolean)) own.forEach(add);
          else add(list(entry, 'Amt')[0]);
        }
      }
    }
  }
  return Object.fromEntries([...totals].map(([currency, total]) => [currency, total.toFixed(2)]));
}

type Node = Record<string, unknown>;

function list(node: Node | undefined, name: string): Node[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function textOf(node: Node): string {
  return typeof node === 'string' ? node : String(node['#text'] ?? '').trim();
}
