from shop.models import Cart, Coupon
from shop.pricing import apply_coupon


def cart_total(cart: Cart, coupon: Coupon | None) -> int:
    """Total of the cart in cents: quantity times price over the items, then apply_coupon when there is a coupon."""
    pass
