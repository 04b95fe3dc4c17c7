import { INVENTORY_OUTCOMES, inventoryFollowUp, inventoryOutcomeRefusal, isInventoryOutcome } from './inventory';

describe('estate inventory outcome (perunkirjoitus / bouppteckning)', () => {
  it('has a fixed list of outcomes', () => {
    expect(INVENTORY_OUTCOMES).toEqual(['assets-cover-debts', 'assets-partly-cover', 'no-assets', 'estate-notification']);
    expect(isInventoryOutcome('no-assets')).toBe(true);
    expect(isInventoryOutcome('bankrupt')).toBe(false);
  });

  it('accepts a dödsboanmälan in Sweden only', () => {
    expect(inventoryOutcomeRefusal('SE', 'estate-notification')).toBeUndefined();
    expect(inventoryOutcomeRefusal('FI', 'estate-notification')).toBe(
      'a dödsboanmälan exists only in Sweden: a Finnish estate records its estate inventory (perunkirjoitus)',
    );
    for (const outcome of ['assets-cover-debts', 'assets-partly-cover', 'no-assets']) {
      expect(inventoryOutcomeRefusal('FI', outcome)).toBeUndefined();
      expect(inventoryOutcomeRefusal('SE', outcome)).toBeUndefined();
    }
    expect(inventoryOutcomeRefusal('FI', 'unknown')).toMatch(/one of assets-cover-debts/);
  });

  it('proposes a write-off for an estate without assets or with a dödsboanmälan, and waits otherwise', () => {
    expect(inventoryFollowUp('no-assets')).toBe('propose-write-off');
    expect(inventoryFollowUp('estate-notification')).toBe('propose-write-off');
    expect(inventoryFollowUp('assets-cover-debts')).toBe('await-settlement');
    expect(inventoryFollowUp('assets-partly-cover')).toBe('await-settlement');
  });
});
