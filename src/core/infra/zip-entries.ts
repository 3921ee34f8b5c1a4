import { ToolAnswerError } from '../errors.js';
import { inflateRawSync } from 'node:zlib';

/**
 * The files of a zip archive (a saved Terraform plan is one), read from its central directory. Stored and
 * deflated entries only: what Terraform writes.
 */
export function zipEntries(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new ToolAnswerError('the saved plan file', 'a zip archive', 'not a zip archive (no end of central directory)');
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new ToolAnswerError('the saved plan file', 'a zip archive', 'a broken zip central directory');
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localHeader = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (!name.endsWith('/')) entries.set(name, method === 8 ? inflateRawSync(data) : method === 0 ? Buffer.from(data) : Buffer.alloc(0));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
