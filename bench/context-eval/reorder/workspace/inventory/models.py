from dataclasses import dataclass, field


@dataclass
class Item:
    sku: str
    reorder_point: int


@dataclass
class Warehouse:
    counts: dict[str, int] = field(default_factory=dict)
    reserved: dict[str, int] = field(default_factory=dict)
