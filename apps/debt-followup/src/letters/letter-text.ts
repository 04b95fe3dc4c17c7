import type { LetterLanguage } from '@clientfees/domain';

/**
 * The standard reminder letter's wording (seed 004: "standardiserat påminnelsebrev med kopia på
 * fakturan/fakturor"). Not the agency's formal reminder (maksumuistutus / betalningspåminnelse
 * with fee and interest): a letter from the organisation that also tells where help is.
 */
export interface LetterText {
  title: string;
  intro: (monthEnd: string) => string;
  alreadyPaid: string;
  help: string;
  caseworker: string;
  columns: [string, string, string, string];
  total: string;
  copiesTitle: string;
  copyTitle: (invoiceNumber: number) => string;
  copyFields: { invoiceDate: string; dueDate: string; reference: string; recipient: string; total: string; row: string; amount: string };
  /** Printed instead of the address while a security ban protects it (turvakielto / skyddad identitet). */
  addressProtected: string;
  footer: string;
}

export const LETTER_TEXT: Record<LetterLanguage, LetterText> = {
  fi: {
    title: 'Muistutus maksamattomista asiakasmaksuista',
    intro: (monthEnd) => `Tietojemme mukaan seuraavat asiakasmaksulaskunne ovat erääntyneet maksamatta (tilanne ${finnishDate(monthEnd)}). Kopiot laskuista ovat tämän kirjeen liitteenä.`,
    alreadyPaid: 'Jos olette jo maksaneet laskut, tämä kirje on aiheeton.',
    help: 'Jos maksaminen tuottaa vaikeuksia, ottakaa yhteyttä asiakasmaksutiimiin. Voimme sopia maksusuunnitelmasta tai eräpäivän siirrosta, ja asiakasmaksua voi hakea alennettavaksi tai perimättä jätettäväksi (asiakasmaksulaki 11 §).',
    caseworker: 'Sosiaalityöntekijänne voi auttaa talouteen liittyvissä asioissa ja selvittää tarvittaessa edunvalvonnan tarpeen.',
    columns: ['Lasku', 'Laskun päivä', 'Eräpäivä', 'Avoinna'],
    total: 'Yhteensä',
    copiesTitle: 'Laskukopiot',
    copyTitle: (number) => `Laskukopio – lasku ${number}`,
    copyFields: { invoiceDate: 'Laskun päivä', dueDate: 'Eräpäivä', reference: 'Viitenumero', recipient: 'Vastaanottaja', total: 'Yhteensä', row: 'Erittely', amount: 'Summa' },
    addressProtected: 'Osoite suojattu (turvakielto)',
    footer: 'Asiakasmaksut – muistutuskirje',
  },
  sv: {
    title: 'Påminnelse om obetalda avgifter',
    intro: (monthEnd) => `Enligt våra uppgifter är följande fakturor för avgifter obetalda efter förfallodagen (läge ${swedishDate(monthEnd)}). Kopior av fakturorna bifogas detta brev.`,
    alreadyPaid: 'Om du redan har betalat fakturorna kan du bortse från detta brev.',
    help: 'Om du har svårt att betala, kontakta avgiftshandläggaren. Vi kan komma överens om en avbetalningsplan eller anstånd, och du kan ansöka om nedsättning av avgiften.',
    caseworker: 'Din biståndshandläggare kan ge stöd i frågor om din ekonomi och vid behov ta kontakt med överförmyndaren om god man eller förvaltare.',
    columns: ['Faktura', 'Fakturadatum', 'Förfallodag', 'Obetalt'],
    total: 'Summa',
    copiesTitle: 'Fakturakopior',
    copyTitle: (number) => `Fakturakopia – faktura ${number}`,
    copyFields: { invoiceDate: 'Fakturadatum', dueDate: 'Förfallodag', reference: 'OCR-/referensnummer', recipient: 'Mottagare', total: 'Summa', row: 'Specifikation', amount: 'Belopp' },
    addressProtected: 'Skyddad adress (skyddad identitet)',
    footer: 'Avgifter – påminnelsebrev',
  },
};

/** 2026-11-30 → 30.11.2026 */
export function finnishDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

/** Swedish dates are written as ISO dates (2026-11-30). */
export function swedishDate(date: string): string {
  return date;
}

export function letterDate(language: LetterLanguage, date: string): string {
  return language === 'fi' ? finnishDate(date) : swedishDate(date);
}

/** 1234.5 EUR → "1 234,50 €"; SEK → "1 234,50 kr": a decimal comma and a narrow group space, as both languages write money. */
export function letterMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}\u00a0${currency === 'EUR' ? '€' : 'kr'}`;
}
