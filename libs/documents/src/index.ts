export * from './pdf-document';
export * from './csv';
