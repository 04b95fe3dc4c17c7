import { accountsHeldElsewhere, bankFileAccountRefusal, normaliseAccount } from './receiving-accounts';

describe('a bank file belongs to the organisation its receiving accounts are registered to', () => {
  const holders = [
    { organisationId: 'fi-espoo', accounts: ['FI21 1234 5600 0007 85'] },
    { organisationId: 'fi-vantaa', accounts: ['FI4950009420028730'] },
  ];

  it('compares accounts without spaces, hyphens or case', () => {
    expect(normaliseAccount('fi21 1234-5600 0007 85')).toBe('FI2112345600000785');
  });

  it('imports a file whose every account is the organisation’s own', () => {
    expect(bankFileAccountRefusal('fi-espoo', ['FI2112345600000785'], holders)).toBeUndefined();
  });

  it('refuses a file for another organisation’s account without naming that organisation', () => {
    const reason = bankFileAccountRefusal('fi-espoo', ['FI21 1234 5600 0007 85', 'FI4950009420028730'], holders);
    expect(reason).toBe('account FI4950009420028730 is registered to another organisation: import the file under that organisation');
    expect(reason).not.toContain('vantaa');
  });

  it('refuses an account nobody registered, a file naming no account, and an organisation without registered accounts', () => {
    expect(bankFileAccountRefusal('fi-espoo', ['SE4550000000058398257466'], holders)).toBe("account SE4550000000058398257466 is not one of fi-espoo's receiving accounts");
    expect(bankFileAccountRefusal('fi-espoo', [], holders)).toBe('the file names no account it credits');
    expect(bankFileAccountRefusal('fi-kouvola', ['FI2112345600000785'], holders)).toMatch(/^fi-kouvola has no receiving accounts registered/);
  });

  it('finds the accounts another organisation already holds', () => {
    expect(accountsHeldElsewhere('fi-espoo', ['fi49 5000 9420 0287 30', 'FI2112345600000785'], holders)).toEqual(['FI4950009420028730']);
    expect(accountsHeldElsewhere('fi-vantaa', ['FI4950009420028730'], holders)).toEqual([]);
  });
});
