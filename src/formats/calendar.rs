//! The one calendar of Lectern: days of the proleptic Gregorian calendar, counted from
//! 1 January 1970, and the one check of whether a year, month and day name a day. The text
//! file's header ([`super::text_format`]), the timeline (`model::timeline`) and the clock's
//! timestamps (`model::clock`) all reckon days here. Pure arithmetic (H. Hinnant's
//! `days_from_civil` and `civil_from_days`), no date library: it is also compiled into
//! `build.rs`, which checks the bundled texts' dates with it.

/// A day of the (proleptic Gregorian) calendar, as days since 1 January 1970.
pub type DayNumber = i64;

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days of `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `year`, `month` and `day` name a day of the calendar (1922-02-31 does not).
pub fn is_day(year: i64, month: u32, day: u32) -> bool {
    (1..=days_in_month(year, month)).contains(&day)
}

/// Days since 1970-01-01 of a calendar day (H. Hinnant's `days_from_civil`).
pub fn day_number(year: i64, month: u32, day: u32) -> DayNumber {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The calendar day of a day number: (year, month, day) (H. Hinnant's `civil_from_days`).
pub fn civil(number: DayNumber) -> (i64, u32, u32) {
    let z = number + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_go_both_ways_across_four_centuries() {
        for number in day_number(1800, 1, 1)..day_number(2201, 1, 1) {
            let (year, month, day) = civil(number);
            assert!(is_day(year, month, day), "{year}-{month}-{day}");
            assert_eq!(day_number(year, month, day), number);
        }
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(day_number(1922, 9, 26), -17_264);
        for number in (-200_000..100_000).step_by(7) {
            let (year, month, day) = civil(number);
            assert_eq!(day_number(year, month, day), number);
        }
    }

    #[test]
    fn months_have_the_days_of_the_calendar() {
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1924, 2), 29);
        assert_eq!(days_in_month(1922, 9), 30);
        assert_eq!(days_in_month(1922, 13), 0);
        assert!(is_day(1922, 12, 31));
        assert!(!is_day(1922, 2, 29));
        assert!(!is_day(1922, 2, 31));
        assert!(!is_day(1922, 0, 1));
        assert!(!is_day(1922, 1, 0));
    }
}
