export * from './absences';
