//! Summary statistics of a list of lengths: mean, median, 90th percentile and maximum.

/// How a quantity is distributed over the sentences of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// The arithmetic mean; 0 for no sentences.
    pub mean: f64,
    /// The median (the mean of the two middle values for an even count).
    pub median: f64,
    /// The 90th percentile, by linear interpolation between the closest ranks (as
    /// NumPy's default and spreadsheets' `PERCENTILE.INC`).
    pub p90: f64,
    /// The largest value.
    pub max: usize,
}

impl Summary {
    /// The summary of `values`, which it sorts.
    pub(crate) fn of(values: &mut [usize]) -> Summary {
        if values.is_empty() {
            return Summary::default();
        }
        values.sort_unstable();
        let sum: usize = values.iter().sum();
        Summary {
            mean: sum as f64 / values.len() as f64,
            median: percentile(values, 0.5),
            p90: percentile(values, 0.9),
            max: values[values.len() - 1],
        }
    }
}

/// The `q` quantile of sorted, non-empty `values`, interpolating linearly between ranks.
fn percentile(values: &[usize], q: f64) -> f64 {
    let rank = q * (values.len() - 1) as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    let fraction = rank - low as f64;
    values[low] as f64 + (values[high] as f64 - values[low] as f64) * fraction
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn summaries() {
        assert_eq!(Summary::of(&mut []), Summary::default());
        let s = Summary::of(&mut [7]);
        assert_eq!((s.mean, s.median, s.p90, s.max), (7.0, 7.0, 7.0, 7));
        let s = Summary::of(&mut [4, 1, 3, 2]);
        assert_eq!((s.mean, s.median, s.max), (2.5, 2.5, 4));
        assert!((s.p90 - 3.7).abs() < 1e-12);
        let mut values: Vec<usize> = (1..=11).collect();
        let s = Summary::of(&mut values);
        assert_eq!((s.median, s.p90), (6.0, 10.0));
    }
}
