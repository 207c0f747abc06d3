from inventory.models import Item, Warehouse
from inventory.reorder import needs_reorder

w = Warehouse({"a": 10, "b": 3}, {"a": 8})
assert needs_reorder(w, Item("a", 5)) is True
assert needs_reorder(w, Item("b", 3)) is False
assert needs_reorder(w, Item("c", 1)) is True
