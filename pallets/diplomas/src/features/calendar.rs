//! Today's date, from the wall clock.

use crate::{pallet::*, types::Day};
use frame_support::traits::UnixTime;

/// Seconds in a calendar day (UTC has no leap seconds in Unix time).
const SECONDS_PER_DAY: u64 = 86_400;

impl<T: Config> Pallet<T> {
    /// The current day, counted from 1970-01-01 (UTC).
    pub fn today() -> Day {
        let days = T::UnixTime::now()
            .as_secs()
            .checked_div(SECONDS_PER_DAY)
            .unwrap_or_default();
        // Day numbers overflow in the year 11 761 191.
        Day::try_from(days).unwrap_or(Day::MAX)
    }
}
