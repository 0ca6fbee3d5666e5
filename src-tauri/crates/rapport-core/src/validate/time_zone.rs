//! Time zones as the IANA database names them ("Europe/London", "America/New_York").

use chrono_tz::Tz;

/// The zone's canonical spelling, or a message fit to show beside the field. Case is forgiven
/// ("europe/london") because people type it; anything the database does not know is refused,
/// so every stored zone can be turned into local times.
pub fn time_zone(input: &str) -> Result<String, String> {
    let typed = input.trim();
    let known = typed.parse::<Tz>().ok().or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|zone| zone.name().eq_ignore_ascii_case(typed))
    });
    known
        .map(|zone| zone.name().to_string())
        .ok_or_else(|| format!("\"{typed}\" is not a time zone such as Europe/London"))
}

#[cfg(test)]
mod tests {
    use super::time_zone;

    #[test]
    fn known_zones_are_kept_in_their_canonical_spelling() {
        assert_eq!(time_zone("Europe/London").unwrap(), "Europe/London");
        assert_eq!(time_zone(" america/new_york ").unwrap(), "America/New_York");
        assert_eq!(time_zone("UTC").unwrap(), "UTC");
        assert_eq!(
            time_zone("America/Argentina/Buenos_Aires").unwrap(),
            "America/Argentina/Buenos_Aires"
        );
    }

    #[test]
    fn unknown_zones_are_refused_by_name() {
        for typed in ["Europe/Londn", "GMT+1", "+01:00", "Mars/Olympus_Mons", ""] {
            let message = time_zone(typed).unwrap_err();
            assert!(message.contains("is not a time zone"), "{typed}: {message}");
        }
    }
}
