import { correctionPermission } from './corrections';
import type { PriceListItem } from './types';

const item = (code: string, piecePriced: boolean, affectsMaximumFee: boolean): PriceListItem => ({
  code,
  name: code,
  unit: piecePriced ? 'piece' : 'hour',
  price: '10.00',
  piecePriced,
  affectsMaximumFee,
});
const foodBasket = item('FOOD-BASKET', true, false);
const alarmInstallation = item('ALARM-INSTALL', true, true);
const cleaning = item('CLEANING', false, true);
const walk = item('WALK', false, false);

describe('correctionPermission', () => {
  it('lets unit staff correct a piece-priced item that does not affect the maximum fee', () => {
    expect(correctionPermission('unit-manager', foodBasket)).toEqual({ allowed: true });
  });

  it('refuses unit staff anything that can affect the maximum fee, time-priced items and corrections without an item', () => {
    expect(correctionPermission('unit-manager', alarmInstallation)).toEqual({ allowed: false, reason: expect.stringMatching(/unit-manager.*ALARM-INSTALL.*maximum fee/) });
    expect(correctionPermission('unit-manager', cleaning)).toEqual({ allowed: false, reason: expect.stringMatching(/maximum fee/) });
    expect(correctionPermission('unit-manager', walk)).toEqual({ allowed: false, reason: expect.stringMatching(/unit-manager.*piece-priced.*WALK/) });
    expect(correctionPermission('unit-manager', null)).toEqual({ allowed: false, reason: expect.stringMatching(/unit-manager.*piece-priced.*name the item/) });
  });

  it('lets the billing team correct anything, also without an item', () => {
    for (const role of ['client-fee-officer', 'billing-supervisor']) {
      for (const target of [foodBasket, alarmInstallation, cleaning, walk, null]) expect(correctionPermission(role, target)).toEqual({ allowed: true });
    }
  });

  it('refuses every other role and names it', () => {
    for (const role of ['caseworker', 'finance-centre', 'service-provider', '']) {
      const result = correctionPermission(role, foodBasket);
      expect(result.allowed).toBe(false);
      expect(result).toMatchObject({ reason: expect.stringContaining(`role ${role} may not correct fees`) });
    }
  });
});
