from dataclasses import dataclass, field


@dataclass
class Coupon:
    percent_off: int
    max_off_cents: int


@dataclass
class CartItem:
    sku: str
    quantity: int
    price_cents: int


@dataclass
class Cart:
    items: list[CartItem] = field(default_factory=list)
