from io_utils.parse import parse_money


def total_cents(rows: list[dict[str, str]]) -> int:
    """Sum of the rows' "amount" fields in cents, each read with parse_money."""
    pass
