//! A seeded generator of synthetic graphs for benchmarks (same seed, same graph).
