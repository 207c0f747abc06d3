from units.convert import c_to_f
from weather.models import Reading


def fahrenheit_range(readings: list[Reading]) -> tuple[float, float]:
    """Highest and lowest reading in Fahrenheit (converted with c_to_f), each rounded to 1 decimal."""
    pass
