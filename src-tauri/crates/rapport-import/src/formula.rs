//! Spreadsheet formula injection (OWASP "CSV injection") and the guard against it, in one place:
//! the exports write it and the CSV reader takes it off again, so a file Rapport wrote reads
//! back to the same text.
//!
//! A spreadsheet runs a cell as a formula when its text starts with one of [`TRIGGERS`]:
//! `=`, `+`, `-`, `@`, TAB or CR. A guarded cell is the text with a single quote `'` in front,
//! which spreadsheets show as text and never run.
//!
//! - [`needs_guard`]: the text, after any leading quotes, starts with a trigger. The leading
//!   quotes count so that a text which itself starts with `'=` is guarded too (`''=`): the
//!   reader removes exactly one quote, and every text comes back as it was.
//! - [`unguard`]: a cell that starts with `'` and [`needs_guard`] loses that one quote. Nothing
//!   else changes: a quote before ordinary text (`'tis`) stays, and so does a lone `'`.

/// The first characters that make a spreadsheet read a cell as a formula.
pub const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` must be written as `'` + `text` in a CSV cell.
pub fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// A CSV cell as read, without the guard a writer put in front of it.
pub fn unguard(cell: &mut String) {
    if cell.starts_with('\'') && needs_guard(cell) {
        cell.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        let mut cell = text.to_string();
        unguard(&mut cell);
        cell
    }

    #[test]
    fn guarded_text_reads_back_as_it_was() {
        for text in [
            "=HYPERLINK(\"http://x\")",
            "+44 20 7946 0958",
            "-5",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=already quoted",
            "''+two",
            "'tis",
            "'",
            "plain",
            "",
        ] {
            let written = if needs_guard(text) {
                format!("'{text}")
            } else {
                text.to_string()
            };
            assert_eq!(read(&written), text, "{text:?} written as {written:?}");
        }
    }

    #[test]
    fn only_a_quote_before_a_trigger_is_removed() {
        assert_eq!(read("'=1+1"), "=1+1");
        assert_eq!(read("'@home"), "@home");
        assert_eq!(read("'tis"), "'tis");
        assert_eq!(read("O'Brien"), "O'Brien");
        assert_eq!(
            read("=1+1"),
            "=1+1",
            "an unguarded formula stays text, verbatim"
        );
    }
}
