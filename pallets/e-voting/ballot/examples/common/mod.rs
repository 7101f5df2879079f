//! What the measuring examples share.

use std::time::Instant;

/// Median of `rounds` timings of `each`, in µs per one of `count` items.
pub fn measure(rounds: usize, count: usize, mut each: impl FnMut()) -> f64 {
    let mut figures: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            each();
            start.elapsed().as_secs_f64() * 1e6 / count as f64
        })
        .collect();
    figures.sort_by(f64::total_cmp);
    figures[figures.len() / 2]
}
