// The SHA-256 of a file the visitor chooses, computed in the browser: the file never leaves it.
// @noble/hashes rather than crypto.subtle, which browsers offer only on https:// pages.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/** The SHA-256 of `file` (a `File` or `Blob`) as `0x` and 64 hex digits, read in chunks. */
export async function sha256OfFile(file) {
  const hasher = sha256.create();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
  }
  return `0x${bytesToHex(hasher.digest())}`;
}
