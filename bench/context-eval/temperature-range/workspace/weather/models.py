from dataclasses import dataclass


@dataclass
class Reading:
    station: str
    celsius: float
