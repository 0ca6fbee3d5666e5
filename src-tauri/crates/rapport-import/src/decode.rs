//! Character encodings of text files: a byte-order mark, else strict UTF-8, else a guess
//! (Windows-1252, Shift_JIS, ...).
//!
//! OWNED BY THE DELIMITED-FILES WORK; placeholder.
