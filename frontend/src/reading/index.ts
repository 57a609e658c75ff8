/** The reader screen and the seam to the server: implement ReadStore over /api/cases/{caseId}/my-read. */
export { ReaderScreen, type ReaderCase, type ReaderScreenProps } from './ReaderScreen';
export { ReadConflictError, type ReadSnapshot, type ReadStore } from './ReadStore';
export { AutosaveController, type AutosaveStatus, type SaveState, type AutosaveOptions } from './autosave';
