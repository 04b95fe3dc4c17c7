import { RULE_TABLES, validateRuleTableValue } from './registry';

describe('the rule-table registry', () => {
  it('ships every table with at least one cited period', () => {
    for (const [name, table] of Object.entries(RULE_TABLES)) {
      expect([name, table.shipped.length > 0]).toEqual([name, true]);
      for (const row of table.shipped) expect(row.source.length).toBeGreaterThan(0);
    }
  });

  it('accepts a next period shaped like the current one', () => {
    const latest = RULE_TABLES['fi-home-care-income-limits'].shipped.at(-1)!.value;
    expect(() => validateRuleTableValue('fi-home-care-income-limits', latest)).not.toThrow();
  });

  it('names the field that is missing, unknown or of the wrong kind', () => {
    const latest = RULE_TABLES['se-max-fees'].shipped.at(-1)!.value as Record<string, unknown>;
    const [first] = Object.keys(latest);
    expect(() => validateRuleTableValue('se-max-fees', { ...latest, surprise: '1' })).toThrow(/has unknown fields surprise/);
    const { [first]: _dropped, ...without } = latest;
    expect(() => validateRuleTableValue('se-max-fees', without)).toThrow(new RegExp(`is missing ${first}`));
    expect(() => validateRuleTableValue('se-max-fees', { ...latest, [first]: 'lots' })).toThrow(/must be a decimal string/);
    expect(() => validateRuleTableValue('nope', {})).toThrow(/no rule table nope/);
  });
});
