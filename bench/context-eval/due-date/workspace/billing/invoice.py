from dataclasses import dataclass
from datetime import date


@dataclass
class Invoice:
    issued: date
    terms_days: int
