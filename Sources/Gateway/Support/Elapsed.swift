extension ContinuousClock.Instant {
    /// Seconds from this instant to now, as a Double (for latency figures).
    var secondsElapsed: Double {
        let elapsed = duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
