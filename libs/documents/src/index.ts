export * from './pdf-document';
