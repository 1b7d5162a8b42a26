// The readers of published originals (.docx, .pdf) in one module. The server and the CLI
// bundles load it as a separate file (dist/extract.js) only when a workspace holds such a
// file: pdf.js and mammoth are four-fifths of the code, and most workspaces never need them.
export { extractDocx } from './docx';
export { extractPdf } from './pdf';
export { looksLikeLegalText, readDocxLegalText } from './wordLegal';
