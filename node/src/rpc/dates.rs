//! Calendar dates for JSON: the registries count days since 1970-01-01; people read
//! `2026-06-30`.

use std::fmt::Write;

/// The proleptic Gregorian date of day `days` since 1970-01-01, as `YYYY-MM-DD`.
pub fn iso_date(days: u32) -> String {
    let (year, month, day) = civil_from_days(i64::from(days));
    let mut text = String::with_capacity(10);
    // Writing to a String cannot fail.
    let _ = write!(text, "{year:04}-{month:02}-{day:02}");
    text
}

/// Day `days` since 1970-01-01 as (year, month, day), by counting 400-year eras of 146 097
/// days from 0000-03-01, so that the leap day falls at the end of each counted year.
// Days come from a `u32`: every intermediate value stays below 2^40, far inside `i64`.
#[allow(clippy::arithmetic_side_effects)]
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn days_since_1970_read_as_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(59), "1970-03-01");
        assert_eq!(iso_date(10_407), "1998-06-30");
        // 2000 is a leap year, 2100 is not.
        assert_eq!(iso_date(11_016), "2000-02-29");
        assert_eq!(iso_date(11_017), "2000-03-01");
        assert_eq!(iso_date(20_634), "2026-06-30");
        assert_eq!(iso_date(47_540), "2100-02-28");
        assert_eq!(iso_date(47_541), "2100-03-01");
        assert_eq!(iso_date(u32::MAX), "11761191-01-20");
    }
}
