from inventory.models import Item, Warehouse
from inventory.stock import on_hand


def needs_reorder(warehouse: Warehouse, item: Item) -> bool:
    """True when the item's on_hand count is below its reorder point."""
    pass
