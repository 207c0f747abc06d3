from blog.models import Post
from text.slug import slugify


def post_url(post: Post) -> str:
    """The post's URL: "/YEAR/SLUG/" with the publication year and slugify(post.title)."""
    pass
