MAX_RETRIES = 5


def backoff_delay(attempt: int) -> float:
    """Seconds to wait before retry `attempt` (0-based): 0.25 doubled each time, at most 3."""
    return min(0.25 * 2 ** attempt, 3.0)
