from shop.models import Coupon


def apply_coupon(amount_cents: int, coupon: Coupon) -> int:
    """The amount less the coupon's percentage, the discount capped at max_off_cents."""
    off = min(amount_cents * coupon.percent_off // 100, coupon.max_off_cents)
    return amount_cents - off
