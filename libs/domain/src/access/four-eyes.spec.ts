import { secondPersonRefusal } from './four-eyes';

describe('secondPersonRefusal (four eyes)', () => {
  const run = [
    { actor: 'officer-olli', act: 'started the billing run' },
    { actor: 'officer-aino', act: 'last changed the billing data of its clients' },
  ];

  it('refuses the person who started the run or last changed its data, naming what they did', () => {
    expect(secondPersonRefusal('officer-olli', 'approve it', run)).toBe('officer-olli started the billing run, so another person must approve it');
    expect(secondPersonRefusal('officer-aino', 'approve it', run)).toBe('officer-aino last changed the billing data of its clients, so another person must approve it');
    expect(secondPersonRefusal('x', 'approve it', [{ actor: 'x', act: 'started it' }, { actor: 'x', act: 'changed it' }, { actor: 'x', act: 'started it' }])).toBe(
      'x started it and changed it, so another person must approve it',
    );
  });

  it('lets anyone else decide, and is not fooled by an unknown actor', () => {
    expect(secondPersonRefusal('supervisor-sanna', 'approve it', run)).toBeUndefined();
    expect(secondPersonRefusal('', 'approve it', [{ actor: '', act: 'started it' }])).toBeUndefined();
    expect(secondPersonRefusal('someone', 'approve it', [{ actor: null, act: 'started it' }])).toBeUndefined();
  });
});
