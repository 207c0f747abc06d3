from net.settings import MAX_RETRIES, backoff_delay


def retry_schedule() -> list[float]:
    """Delays before each retry: backoff_delay of attempts 0 to MAX_RETRIES - 1."""
    pass
