// dcmjs ships no type declarations; the browser tests use only DicomMessage.readFile/write.
declare module 'dcmjs';
