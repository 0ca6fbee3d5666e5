//! Character encodings of text files: a byte-order mark, else strict UTF-8, else a guess
//! (Windows-1252, Shift_JIS, ...).
//!
//! Detection rules, in order:
//!
//! 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides.
//! 2. Without one, a prefix in which most bytes at odd (even) positions are NUL and the others
//!    are not is UTF-16LE (UTF-16BE): a BOM-less UTF-16 export.
//! 3. Otherwise the whole file is checked as UTF-8, streaming in fixed-size chunks (memory does
//!    not grow with the file). A file that is valid UTF-8 to its last byte is UTF-8.
//! 4. Otherwise chardetng guesses from the first [`GUESS_PREFIX`] bytes, plus the chunk holding
//!    the first invalid byte when that lies further on (UTF-8 excluded from the guess).
//!
//! Because UTF-8 is only chosen for a file that is valid to its end, a UTF-8 decision cannot
//! be contradicted later. A file that starts with a UTF-8 byte-order mark but holds invalid
//! UTF-8 is refused when it is opened (nothing is imported), naming the byte. When the file
//! changes between detection and reading, the strict UTF-8 [`DecodingReader`] fails with
//! [`std::io::ErrorKind::InvalidData`] instead of inserting replacement characters. Legacy
//! encodings (a guess) and UTF-16 decode with U+FFFD for malformed sequences, which stays
//! visible in the imported values.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::fields::{FileError, Reason};

/// How much of a file chardetng sees at most before guessing.
pub const GUESS_PREFIX: usize = 4 * 1024 * 1024;

const CHUNK: usize = 64 * 1024;

/// How an encoding was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A byte-order mark at the start of the file.
    ByteOrderMark,
    /// NUL bytes in every other position (UTF-16 without a byte-order mark).
    NulPattern,
    /// Valid UTF-8 from the first to the last byte.
    ValidUtf8,
    /// Not UTF-8: chardetng's guess.
    Guess,
}

/// The encoding a file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub encoding: &'static Encoding,
    /// Length of the byte-order mark at the start of the file (0 without one).
    pub bom_len: usize,
    pub basis: Basis,
}

impl Detected {
    /// encoding_rs's name: "UTF-8", "UTF-16LE", "Shift_JIS", "windows-1252", ...
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    /// Whether malformed input must fail rather than become U+FFFD (UTF-8 only).
    pub fn strict(&self) -> bool {
        self.encoding == UTF_8
    }
}

/// Detects the encoding of a whole stream (read once, in chunks, up to its end when it is
/// UTF-8). The reader is left wherever detection stopped; reopen or seek to read the text.
pub fn detect<R: Read>(mut input: R) -> Result<Detected, FileError> {
    let mut buf = vec![0u8; CHUNK + 4];
    // The first chunk decides the byte-order mark and NUL patterns.
    let first = read_full(&mut input, &mut buf[..CHUNK]).map_err(|e| FileError::io(&e))?;
    let head = &buf[..first];
    if let Some((encoding, bom_len)) = Encoding::for_bom(head) {
        let detected = Detected {
            encoding,
            bom_len,
            basis: Basis::ByteOrderMark,
        };
        if encoding == UTF_8 {
            let mut validator = Utf8Validator::default();
            let rest = &head[bom_len..];
            let mut offset = bom_len as u64;
            let outcome = validate_stream(&mut validator, rest, &mut offset, &mut input, None)?;
            if let Some(at) = outcome {
                return Err(FileError::new(
                    Reason::UnsupportedFile,
                    format!(
                        "The file begins with a UTF-8 byte-order mark but byte {} is not UTF-8; \
                         save it again as UTF-8",
                        at + 1
                    ),
                ));
            }
        }
        return Ok(detected);
    }
    if let Some(encoding) = utf16_by_nuls(head) {
        return Ok(Detected {
            encoding,
            bom_len: 0,
            basis: Basis::NulPattern,
        });
    }
    let mut detector = chardetng::EncodingDetector::new();
    let mut validator = Utf8Validator::default();
    let mut offset = 0u64;
    let outcome = validate_stream(
        &mut validator,
        head,
        &mut offset,
        &mut input,
        Some(&mut detector),
    )?;
    match outcome {
        None => Ok(Detected {
            encoding: UTF_8,
            bom_len: 0,
            basis: Basis::ValidUtf8,
        }),
        Some(_) => Ok(Detected {
            encoding: detector.guess(None, false),
            bom_len: 0,
            basis: Basis::Guess,
        }),
    }
}

/// Detects the encoding of bytes already in memory (same rules as [`detect`]).
pub fn detect_bytes(bytes: &[u8]) -> Result<Detected, FileError> {
    detect(bytes)
}

/// Decodes a whole byte buffer with the detected encoding (BOM removed). For small inputs and
/// tests; files go through [`DecodingReader`].
pub fn decode_all(bytes: &[u8], detected: &Detected) -> Result<String, FileError> {
    let mut text = String::new();
    DecodingReader::new(bytes, detected)
        .read_to_string(&mut text)
        .map_err(|e| FileError::io(&e))?;
    Ok(text)
}

/// Reads, checks UTF-8 in chunks, and feeds chardetng (when given) the first
/// [`GUESS_PREFIX`] bytes plus the chunk holding the first invalid byte. Returns the offset of
/// the first invalid byte, or `None` when the stream is valid UTF-8 to its end.
fn validate_stream<R: Read>(
    validator: &mut Utf8Validator,
    first: &[u8],
    offset: &mut u64,
    input: &mut R,
    mut detector: Option<&mut chardetng::EncodingDetector>,
) -> Result<Option<u64>, FileError> {
    let mut fed = 0usize;
    let mut buf = vec![0u8; CHUNK];
    let mut chunk: Vec<u8> = first.to_vec();
    loop {
        if chunk.is_empty() {
            return Ok(validator.finish(*offset));
        }
        let take = chunk.len().min(GUESS_PREFIX - fed);
        if let Some(d) = detector.as_deref_mut() {
            if take > 0 {
                d.feed(&chunk[..take], false);
            }
        }
        fed += take;
        if let Some(bad) = validator.push(&chunk, *offset) {
            if let Some(d) = detector.as_deref_mut() {
                if take < chunk.len() {
                    // The first non-UTF-8 text lies beyond the prefix: let the guess see it.
                    d.feed(&chunk[take..], false);
                }
            }
            return Ok(Some(bad));
        }
        *offset += chunk.len() as u64;
        let n = read_full(input, &mut buf).map_err(|e| FileError::io(&e))?;
        chunk.clear();
        chunk.extend_from_slice(&buf[..n]);
    }
}

/// Streaming UTF-8 check: carries an incomplete sequence over chunk boundaries.
#[derive(Default)]
struct Utf8Validator {
    carry: Vec<u8>,
}

impl Utf8Validator {
    /// Checks one more chunk starting at stream offset `offset`; the offset of the first
    /// invalid byte when there is one.
    fn push(&mut self, chunk: &[u8], offset: u64) -> Option<u64> {
        let mut data = chunk;
        let mut base = offset;
        if !self.carry.is_empty() {
            // Complete the carried sequence with at most 3 more bytes.
            let mut joined = std::mem::take(&mut self.carry);
            let carried = joined.len() as u64;
            let take = data.len().min(4 - joined.len());
            joined.extend_from_slice(&data[..take]);
            match std::str::from_utf8(&joined) {
                Ok(_) => {
                    data = &data[take..];
                    base += take as u64;
                }
                Err(e) if e.valid_up_to() > 0 => {
                    let used = e.valid_up_to() - carried as usize;
                    data = &data[used..];
                    base += used as u64;
                }
                Err(e) if e.error_len().is_none() => {
                    // Still incomplete (the chunk was tiny).
                    self.carry = joined;
                    return None;
                }
                Err(_) => return Some(offset - carried),
            }
        }
        match std::str::from_utf8(data) {
            Ok(_) => None,
            Err(e) => match e.error_len() {
                None => {
                    self.carry = data[e.valid_up_to()..].to_vec();
                    None
                }
                Some(_) => Some(base + e.valid_up_to() as u64),
            },
        }
    }

    /// The end of the stream: a sequence left incomplete is invalid.
    fn finish(&self, offset: u64) -> Option<u64> {
        (!self.carry.is_empty()).then(|| offset - self.carry.len() as u64)
    }
}

/// UTF-16 without a byte-order mark: in the first KiB, at least 40% of the bytes at one parity
/// are NUL and at most 5% at the other.
fn utf16_by_nuls(head: &[u8]) -> Option<&'static Encoding> {
    let sample = &head[..head.len().min(1024)];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even = sample
        .iter()
        .step_by(2)
        .take(pairs)
        .filter(|b| **b == 0)
        .count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let many = |n: usize| n * 10 >= pairs * 4;
    let few = |n: usize| n * 20 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Reads until `buf` is full or the stream ends.
fn read_full<R: Read>(input: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// A `Read` adapter that turns bytes in any encoding into UTF-8 as they are read, with a fixed
/// amount of buffering. A byte-order mark of the detected encoding is removed. In strict mode
/// (UTF-8) malformed input is an [`io::ErrorKind::InvalidData`] error, elsewhere U+FFFD.
pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    strict: bool,
    input: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    eof: bool,
    finished: bool,
    output: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    /// Bytes of the source consumed so far (for error messages).
    consumed: u64,
}

impl<R: Read> DecodingReader<R> {
    pub fn new(inner: R, detected: &Detected) -> Self {
        Self {
            inner,
            decoder: detected.encoding.new_decoder_with_bom_removal(),
            strict: detected.strict(),
            input: vec![0; CHUNK],
            in_pos: 0,
            in_len: 0,
            eof: false,
            finished: false,
            // Room for any chunk: UTF-16 and legacy encodings at most triple in UTF-8.
            output: vec![0; CHUNK * 3 + 16],
            out_pos: 0,
            out_len: 0,
            consumed: 0,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        while self.out_pos == self.out_len && !self.finished {
            if self.in_pos == self.in_len && !self.eof {
                let n = read_full(&mut self.inner, &mut self.input)?;
                self.eof = n == 0;
                self.in_pos = 0;
                self.in_len = n;
            }
            let (result, read, written, replaced) = self.decoder.decode_to_utf8(
                &self.input[self.in_pos..self.in_len],
                &mut self.output,
                self.eof,
            );
            if replaced && self.strict {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "the file is no longer valid UTF-8 near byte {} (was it changed while \
                         being imported?)",
                        self.consumed + read as u64
                    ),
                ));
            }
            self.in_pos += read;
            self.consumed += read as u64;
            self.out_pos = 0;
            self.out_len = written;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.refill()?;
        let n = (self.out_len - self.out_pos).min(buf.len());
        buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_name(bytes: &[u8]) -> &'static str {
        detect_bytes(bytes).unwrap().name()
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(detect_name(b"\xEF\xBB\xBFName\r\n"), "UTF-8");
        assert_eq!(detect_name(b"\xFF\xFEN\0a\0"), "UTF-16LE");
        assert_eq!(detect_name(b"\xFE\xFF\0N\0a"), "UTF-16BE");
        let d = detect_bytes(b"\xEF\xBB\xBFab").unwrap();
        assert_eq!(d.bom_len, 3);
        assert_eq!(decode_all(b"\xEF\xBB\xBFab", &d).unwrap(), "ab");
    }

    #[test]
    fn utf16_without_bom_is_seen_by_its_nuls() {
        let text: Vec<u8> = "Name,Email\r\nJo,jo@example.org\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = detect_bytes(&text).unwrap();
        assert_eq!(d.name(), "UTF-16LE");
        assert_eq!(d.basis, Basis::NulPattern);
        assert!(decode_all(&text, &d).unwrap().starts_with("Name,Email"));
    }

    #[test]
    fn valid_utf8_and_ascii_are_utf8() {
        assert_eq!(detect_name(b"plain ascii"), "UTF-8");
        assert_eq!(detect_name("Müller,Zoë".as_bytes()), "UTF-8");
        assert_eq!(detect_name(b""), "UTF-8");
    }

    #[test]
    fn windows_1252_is_guessed() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("Name,Notes\r\nRené Müller,Straße 5 – Preis 20 € für Café\r\n");
        assert_eq!(detect_name(&bytes), "windows-1252");
    }

    #[test]
    fn utf8_contradicted_after_the_guess_prefix_is_not_utf8() {
        // Megabytes of ASCII, then Windows-1252: the decision looks at the whole file.
        let mut bytes = b"Name,City\n".to_vec();
        while bytes.len() < GUESS_PREFIX + 100_000 {
            bytes.extend_from_slice(b"Someone,Somewhere\n");
        }
        let (tail, _, _) = encoding_rs::WINDOWS_1252.encode("René,Köln über Düsseldorf\n");
        bytes.extend_from_slice(&tail);
        let d = detect_bytes(&bytes).unwrap();
        assert_eq!(d.name(), "windows-1252");
        assert!(decode_all(&bytes, &d)
            .unwrap()
            .ends_with("René,Köln über Düsseldorf\n"));
    }

    #[test]
    fn utf8_split_across_chunks_stays_valid() {
        let mut bytes = vec![b'a'; CHUNK - 1];
        bytes.extend_from_slice("é€😀".as_bytes());
        bytes.extend_from_slice(&vec![b'b'; CHUNK]);
        assert_eq!(detect_bytes(&bytes).unwrap().basis, Basis::ValidUtf8);
        let mut cut = bytes.clone();
        cut.truncate(CHUNK + 2); // ends inside "€"
        assert_eq!(detect_bytes(&cut).unwrap().basis, Basis::Guess);
    }

    #[test]
    fn bom_utf8_with_invalid_bytes_is_refused() {
        let err = detect_bytes(b"\xEF\xBB\xBFName\nRen\xE9\n").unwrap_err();
        assert_eq!(err.reason, Reason::UnsupportedFile);
        assert!(err.message.contains("byte 12"), "{}", err.message);
    }

    #[test]
    fn strict_reader_refuses_instead_of_replacing() {
        let d = Detected {
            encoding: UTF_8,
            bom_len: 0,
            basis: Basis::ValidUtf8,
        };
        let err = decode_all(b"ok\nRen\xE9\n", &d).unwrap_err();
        assert!(
            err.message.contains("no longer valid UTF-8"),
            "{}",
            err.message
        );
    }

    #[test]
    fn reader_streams_large_input_in_small_reads() {
        let text = "Ünïcödé,テスト\n".repeat(20_000);
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
        let d = Detected {
            encoding: encoding_rs::SHIFT_JIS,
            bom_len: 0,
            basis: Basis::Guess,
        };
        let mut reader = DecodingReader::new(&bytes[..], &d);
        let mut out = Vec::new();
        let mut small = [0u8; 7];
        loop {
            let n = reader.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&small[..n]);
        }
        // Shift_JIS has no Ü etc.: those were encoded as numeric references by encode().
        let decoded = String::from_utf8(out).unwrap();
        assert!(decoded.contains("テスト"));
        assert_eq!(decoded.lines().count(), 20_000);
    }
}
