import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainValidationError } from '@clientfees/domain';

/** An element as fast-xml-parser gives it: children by local name (always arrays), `@attr`, `#text`. */
export type XmlNode = Record<string, unknown>;

/** The root element: its local name and the namespace its prefix (or the default) is bound to. */
export interface XmlRoot {
  localName: string;
  namespace: string | null;
  node: XmlNode;
}

// Every element is read as an array: the schema lets most of them repeat, and treating them all
// alike spares the reader from knowing which do in which version. Names are matched without
// their namespace prefix.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/**
 * Parses an XML message, refusing what an ISO 20022 message never holds: a DOCTYPE (which also
 * shuts out entity-expansion attacks) and anything that is not well-formed. Problems are
 * DomainValidationErrors naming `body`, so a service answers 400 and a CLI exits with 2.
 */
export function readXml(xml: string): XmlRoot {
  if (typeof xml !== 'string' || xml.trim() === '') throw new DomainValidationError('the file is empty; it must be an ISO 20022 XML message', 'body');
  if (/<!DOCTYPE/i.test(xml)) throw new DomainValidationError('a DOCTYPE is not allowed in an ISO 20022 message', 'body');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new DomainValidationError(`malformed XML${line ? ` at line ${line}${col ? `, column ${col}` : ''}` : ''}: ${msg}`, 'body');
  }
  const start = rootStartTag(xml);
  const parsed = parser.parse(xml) as XmlNode;
  return { localName: start.localName, namespace: start.namespace, node: children(parsed, start.localName)[0] ?? {} };
}

/** The root's start tag read from the text: fast-xml-parser drops the prefixes and their bindings. */
function rootStartTag(xml: string): { localName: string; namespace: string | null } {
  // Skip the declaration, processing instructions and comments before the root element.
  const body = xml.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (skipped) => ' '.repeat(skipped.length));
  const match = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)>/.exec(body);
  if (!match) throw new DomainValidationError('no root element', 'body');
  const [, first, second, attributes] = match;
  const prefix = second === undefined ? null : first;
  const localName = second ?? first;
  const binding = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(attributes);
  return { localName, namespace: binding ? binding[2].trim() : null };
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** The element at `path` below `node`, following the first of each name. */
export function descend(node: XmlNode | undefined, path: readonly string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) {
    current = child(current, name);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Text content of the element at `path` (trimmed); undefined when absent or empty. */
export function textAt(node: XmlNode | undefined, path: readonly string[]): string | undefined {
  const element = descend(node, path);
  if (element === undefined) return undefined;
  const value = textOf(element);
  return value === '' ? undefined : value;
}

export function textOf(element: unknown): string {
  if (typeof element === 'string') return element.trim();
  if (element && typeof element === 'object' && typeof (element as XmlNode)['#text'] === 'string') return ((element as XmlNode)['#text'] as string).trim();
  return '';
}

export function attribute(element: XmlNode | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}
