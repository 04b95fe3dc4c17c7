import { DomainValidationError } from '../errors';
import { parseMunicipalityCode, parseMunicipalityCodes } from './municipality-code';

describe('municipality codes (kuntanumero / kommunkod)', () => {
  it('takes a Finnish three-digit number and a Swedish four-digit code', () => {
    expect(parseMunicipalityCode('FI', '049', 'code')).toBe('049');
    expect(parseMunicipalityCode('SE', '0580', 'code')).toBe('0580');
  });

  it.each([
    ['FI', '49'],
    ['FI', '0049'],
    ['FI', 49],
    ['FI', 'Espoo'],
    ['SE', '580'],
    ['SE', '05800'],
    ['SE', null],
  ] as const)('refuses %s %p naming the field', (country, value) => {
    expect(() => parseMunicipalityCode(country, value, 'municipalityCodes[2]')).toThrow(DomainValidationError);
    expect(() => parseMunicipalityCode(country, value, 'municipalityCodes[2]')).toThrow(/^municipalityCodes\[2\]: is not a municipality code/);
  });

  it('sorts a county’s member municipalities and refuses one named twice at its place', () => {
    expect(parseMunicipalityCodes('FI', ['235', '049', '257'], 'municipalityCodes')).toEqual(['049', '235', '257']);
    expect(parseMunicipalityCodes('FI', [], 'municipalityCodes')).toEqual([]);
    expect(() => parseMunicipalityCodes('FI', ['049', '235', '049'], 'municipalityCodes')).toThrow('municipalityCodes[2]: municipality 049 is named twice');
    expect(() => parseMunicipalityCodes('FI', ['049', '0580'], 'municipalityCodes')).toThrow(/^municipalityCodes\[1\]/);
  });
});
