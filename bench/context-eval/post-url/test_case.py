from datetime import date
from blog.models import Post
from blog.posts import post_url

assert post_url(Post("The Art of War", date(2024, 5, 1))) == "/2024/art-war/", post_url(Post("The Art of War", date(2024, 5, 1)))
assert post_url(Post("Hello, World!", date(1999, 1, 2))) == "/1999/hello-world/"
