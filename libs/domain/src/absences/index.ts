export * from './absences';
export * from './absence-register';
