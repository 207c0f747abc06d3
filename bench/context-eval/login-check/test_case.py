from auth.hashing import hash_password
from auth.models import User
from auth.service import check_login

u = User("ann", "s1", hash_password("hunter2", "s1"))
assert check_login(u, "hunter2") is True
assert check_login(u, "hunter3") is False
assert check_login(User("bo", "s2", hash_password("pw", "s2"), locked=True), "pw") is False
