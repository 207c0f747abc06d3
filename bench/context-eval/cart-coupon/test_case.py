from shop.cart import cart_total
from shop.models import Cart, CartItem, Coupon

cart = Cart([CartItem("a", 2, 5000), CartItem("b", 1, 2500)])
assert cart_total(cart, None) == 12500
assert cart_total(cart, Coupon(50, 1000)) == 11500, cart_total(cart, Coupon(50, 1000))
assert cart_total(cart, Coupon(10, 100000)) == 11250
