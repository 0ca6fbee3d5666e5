/** An exported image as base64, the way the shell takes file contents (SVG text as UTF-8). */
export async function imageBase64(data: string | Blob): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(await data.arrayBuffer());
  let binary = "";
  // Chunked: String.fromCharCode with a whole image as arguments overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
