import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AuthorityEndpoints, callAuthority, malformed } from './authority-http';
import { esc } from './xml-signature';

/**
 * The population register's person query (VTJ SoSo `TeeHenkilonTunnusKysely`, product
 * "Perussanoma 3"), read in the register's data types: dates yyyyMMdd, flags "1".
 */
export interface PopulationPerson {
  found: boolean;
  lastName: string;
  firstNames: string;
  address: { street: string; postalCode: string; city: string } | null;
  homeMunicipality: { code: string; name: string } | null;
  dateOfDeath: string | null;
  securityBan: boolean;
  guardian: { name: string; address: { street: string; postalCode: string; city: string } | null } | null;
  maritalStatusCode: string | null;
  spouse: { identityCode: string; name: string } | null;
  residents: Array<{ identityCode: string; name: string }>;
}

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true, isArray: (name) => ['Asukas', 'YritysJaYhteisoEdunvalvoja'].includes(name) });
type Node = Record<string, unknown>;
const node = (value: unknown): Node => (value && typeof value === 'object' ? (value as Node) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
/** yyyyMMdd → YYYY-MM-DD; empty stays null. */
function isoDate(value: string, what: string): string | null {
  if (value === '') return null;
  if (!/^\d{8}$/.test(value)) throw malformed('population register', `${what} "${value}" is not a date yyyyMMdd`);
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}
const nameOf = (n: Node) => `${str(node(n.NykyisetEtunimet).Etunimet)} ${str(node(n.NykyinenSukunimi).Sukunimi)}`.trim();

export function personQueryRequest(identityCode: string, endUser: string, config: AuthorityEndpoints['populationRegister']): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
    `<TeeHenkilonTunnusKysely xmlns="http://tempuri.org/"><SoSoNimi>${esc(config.product)}</SoSoNimi><Kayttajatunnus>${esc(config.username)}</Kayttajatunnus>` +
    `<Salasana>${esc(config.password)}</Salasana><Loppukayttaja>${esc(endUser)}</Loppukayttaja><Henkilotunnus>${esc(identityCode)}</Henkilotunnus></TeeHenkilonTunnusKysely></soap:Body></soap:Envelope>`
  );
}

export function parsePersonAnswer(xml: string): PopulationPerson {
  if (XMLValidator.validate(xml) !== true) throw malformed('population register', 'the answer is not well-formed XML');
  const body = node(node(node(parser.parse(xml)).Envelope).Body);
  if (body.Fault) throw malformed('population register', `SOAP fault: ${str(node(body.Fault).faultstring) || 'no reason given'}`);
  const answer = node(node(node(body.TeeHenkilonTunnusKyselyResponse).TeeHenkilonTunnusKyselyResult).VTJHenkiloVastaussanoma);
  const code = str(node(answer.Paluukoodi)['@koodi']);
  if (code === '') throw malformed('population register', 'no VTJHenkiloVastaussanoma with a Paluukoodi in the answer');
  const empty: PopulationPerson = { found: false, lastName: '', firstNames: '', address: null, homeMunicipality: null, dateOfDeath: null, securityBan: false, guardian: null, maritalStatusCode: null, spouse: null, residents: [] };
  if (code === '0001') return empty;
  if (code !== '0000') throw malformed('population register', `return code ${code}: ${str(node(answer.Paluukoodi)['#text'])}`);
  const h = node(answer.Henkilo);
  const address = node(h.VakinainenKotimainenOsoite);
  const securityBan = str(node(h.Turvakielto).TurvakieltoTieto) === '1';
  const guardianNode = (node(h.Edunvalvonta).YritysJaYhteisoEdunvalvoja as Node[] | undefined)?.[0];
  const spouse = h.Puoliso ? node(h.Puoliso) : undefined;
  return {
    found: true,
    lastName: str(node(h.NykyinenSukunimi).Sukunimi),
    firstNames: str(node(h.NykyisetEtunimet).Etunimet),
    address: !securityBan && str(address.LahiosoiteS) !== '' ? { street: str(address.LahiosoiteS), postalCode: str(address.Postinumero), city: str(address.PostitoimipaikkaS) } : null,
    homeMunicipality: str(node(h.Kotikunta).Kuntanumero) ? { code: str(node(h.Kotikunta).Kuntanumero), name: str(node(h.Kotikunta).KuntaS) } : null,
    dateOfDeath: str(node(h.Kuolintiedot).Kuollut) === '1' ? isoDate(str(node(h.Kuolintiedot).Kuolinpvm), 'Kuolinpvm') : null,
    securityBan,
    guardian:
      str(node(h.Edunvalvonta).EdunvalvontaTieto) === '1'
        ? { name: str(guardianNode?.Nimi) || 'guardian (name not given)', address: guardianNode && str(guardianNode.LahiosoiteS) ? { street: str(guardianNode.LahiosoiteS), postalCode: str(guardianNode.Postinumero), city: str(guardianNode.PostitoimipaikkaS) } : null }
        : null,
    maritalStatusCode: str(node(h.Siviilisaaty).Siviilisaatykoodi) || null,
    spouse: spouse ? { identityCode: str(spouse.Henkilotunnus), name: nameOf(spouse) } : null,
    residents: ((h.Asukas as Node[] | undefined) ?? []).map((a) => ({ identityCode: str(a.Henkilotunnus), name: nameOf(a) })),
  };
}

export async function queryPerson(endpoints: AuthorityEndpoints, identityCode: string, endUser: string, signal?: AbortSignal): Promise<PopulationPerson> {
  const answer = await callAuthority(endpoints.populationRegister, 'HenkilonTunnusKysely/v1', {
    method: 'POST',
    body: personQueryRequest(identityCode, endUser, endpoints.populationRegister),
    contentType: 'text/xml; charset=utf-8',
    headers: { soapaction: 'http://tempuri.org/TeeHenkilonTunnusKysely' },
    signal,
  });
  return parsePersonAnswer(answer.body);
}
