import type { LetterLanguage } from './letter-format';

/** The period for a request for rectification, in days from notification (Administrative Procedure Act 434/2003 § 49 c). */
export const RECTIFICATION_PERIOD_DAYS = 30;

/**
 * The appeal instructions a client-fee decision carries (oikaisuvaatimusohje / anvisning för
 * begäran om omprövning): Act 734/1992 § 15 sends a fee decision first to a request for
 * rectification under the Administrative Procedure Act 434/2003 (chapter 7 a; notification by
 * letter on the seventh day, § 59), and the decision on that request to the administrative court
 * (Act 808/2019). `authority` names who receives the request (the wellbeing services county's
 * responsible body), `address` where to send it.
 */
export function appealInstructions(language: LetterLanguage, recipient: { authority: string; address: string }): { heading: string; paragraphs: string[] } {
  if (language === 'fi') {
    return {
      heading: 'Oikaisuvaatimusohje',
      paragraphs: [
        `Tähän päätökseen tyytymätön voi vaatia siihen oikaisua. Oikaisuvaatimus tehdään kirjallisesti: ${recipient.authority}, ${recipient.address} (laki sosiaali- ja terveydenhuollon asiakasmaksuista 734/1992 15 §, hallintolaki 434/2003 7 a luku).`,
        'Oikaisua voi vaatia se, johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa.',
        `Oikaisuvaatimus on tehtävä ${RECTIFICATION_PERIOD_DAYS} päivän kuluessa päätöksen tiedoksisaannista; tiedoksisaantipäivää ei lueta määräaikaan. Kirjeellä lähetetyn päätöksen katsotaan tulleen tiedoksi seitsemäntenä päivänä sen lähettämisestä, jollei muuta näytetä (hallintolaki 59 §). Jos määräajan viimeinen päivä on pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- tai juhannusaatto tai arkilauantai, oikaisuvaatimuksen saa tehdä ensimmäisenä arkipäivänä sen jälkeen.`,
        'Oikaisuvaatimuksessa on ilmoitettava päätös, johon oikaisua vaaditaan, millaista oikaisua vaaditaan ja millä perusteilla, sekä vaatimuksen tekijän nimi ja yhteystiedot.',
        'Oikaisuvaatimukseen annettuun päätökseen saa hakea muutosta valittamalla hallinto-oikeuteen siten kuin oikeudenkäynnistä hallintoasioissa annetussa laissa (808/2019) säädetään.',
        'Maksua voidaan alentaa tai se voidaan jättää perimättä, jos maksu vaarantaa asiakkaan tai hänen perheensä toimeentulon tai elatusvelvollisuuden toteutumisen (734/1992 11 §). Hakemuksen voi tehdä asiakasmaksutoimistolle.',
      ],
    };
  }
  return {
    heading: 'Anvisning för begäran om omprövning',
    paragraphs: [
      `Den som är missnöjd med detta beslut kan begära omprövning av det. Begäran om omprövning görs skriftligen: ${recipient.authority}, ${recipient.address} (lagen om klientavgifter inom social- och hälsovården 734/1992 15 §, förvaltningslagen 434/2003 7 a kap.).`,
      'Omprövning får begäras av den som beslutet avser eller vars rätt, skyldighet eller fördel direkt påverkas av beslutet.',
      `Begäran om omprövning ska göras inom ${RECTIFICATION_PERIOD_DAYS} dagar från delfåendet av beslutet; delfåendedagen räknas inte in i tidsfristen. Ett beslut som sänts per brev anses ha kommit till kännedom den sjunde dagen efter att det sändes, om inte något annat visas (förvaltningslagen 59 §). Om den sista dagen är en helgdag, självständighetsdagen, första maj, julafton, midsommarafton eller en helgfri lördag, får begäran göras den första vardagen därefter.`,
      'I begäran om omprövning ska anges det beslut som avses, vilken omprövning som begärs och på vilka grunder, samt namn och kontaktuppgifter för den som gör begäran.',
      'Ändring i det beslut som meddelats med anledning av begäran om omprövning får sökas genom besvär hos förvaltningsdomstolen enligt lagen om rättegång i förvaltningsärenden (808/2019).',
      'Avgiften kan sättas ned eller lämnas outtagen om den äventyrar klientens eller familjens försörjning eller fullgörandet av underhållsskyldigheten (734/1992 11 §). Ansökan kan göras till klientavgiftsbyrån.',
    ],
  };
}
