// Reads a .vsix (a zip) without unzip: the entries with their sizes, and
// whether any of them is a native or per-platform binary.

import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export function readZip(path) {
  const zip = readFileSync(path);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({
      name,
      size,
      compressedSize,
      content() {
        const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const data = zip.subarray(start, start + compressedSize);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes: zip.length, entries };
}

/** Native addons and shared libraries, prebuilt-binary folders, and `<os>-<arch>` names such as `linux-x64` (not prose that mentions musl). */
const PLATFORM_NAME = /\.(node|so(\.\d+)*|dylib|dll|exe|wasm)$|(^|\/)prebuilds\/|(linux|darwin|win32|freebsd|android)-(x64|arm64|arm|ia32|x86)/i;

/** Entries that are native code: by name, or by their first bytes (ELF, Mach-O, PE, wasm). */
export function nativeEntries(entries) {
  return entries.filter((e) => {
    if (PLATFORM_NAME.test(e.name)) return true;
    const head = e.content().subarray(0, 4);
    const magic = head.toString('hex');
    return magic === '7f454c46' || magic.startsWith('4d5a') || ['feedface', 'feedfacf', 'cefaedfe', 'cffaedfe', 'cafebabe', '0061736d'].includes(magic);
  });
}
