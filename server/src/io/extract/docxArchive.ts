// Opening a .docx safely, for every reader of Word documents (collations, legal text): the
// size is checked, an encrypted document (an OLE container, not a zip) is named as such, and the
// archive's declared sizes are checked before anything is unpacked (zip bombs). No mammoth here,
// so the legal-text reader can be used without it.
import JSZip from 'jszip';
import { MAX_ORIGINAL_BYTES, MAX_UNPACKED_BYTES } from './table';

/** The archive of a .docx, once its size, format and declared unpacked sizes are checked. */
export async function openDocxArchive(bytes: Uint8Array): Promise<JSZip> {
  if (bytes.length > MAX_ORIGINAL_BYTES) throw new Error(`the document is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_ORIGINAL_BYTES / 1048576} MB limit`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new Error('the document is encrypted (password-protected) or in the old binary .doc format; save it as an unprotected .docx');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a Word document (a .docx is a zip archive, and this is not one)');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw new Error(`the document is damaged (${(e as Error).message})`);
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    // Declared sizes from the central directory: enough to refuse a bomb before inflating it.
    const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
  }
  if (total > MAX_UNPACKED_BYTES) throw new Error(`the document would unpack to ${(total / 1048576).toFixed(0)} MB, over the ${MAX_UNPACKED_BYTES / 1048576} MB limit (a zip bomb?)`);
  if (!zip.file('word/document.xml')) throw new Error('not a Word document (the archive has no word/document.xml)');
  return zip;
}
