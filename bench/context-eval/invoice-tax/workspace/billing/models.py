from dataclasses import dataclass, field


@dataclass
class Line:
    sku: str
    quantity: int
    unit_price: float
    tax_code: str = "standard"

    @property
    def amount(self) -> float:
        return self.quantity * self.unit_price


@dataclass
class Invoice:
    number: str
    lines: list[Line] = field(default_factory=list)
