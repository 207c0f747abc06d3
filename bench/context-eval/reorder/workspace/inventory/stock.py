from inventory.models import Warehouse


def on_hand(warehouse: Warehouse, sku: str) -> int:
    """Units physically present less units reserved for open orders."""
    return warehouse.counts.get(sku, 0) - warehouse.reserved.get(sku, 0)
