def c_to_f(celsius: float) -> float:
    """Fahrenheit of a Celsius temperature."""
    return celsius * 9 / 5 + 32
