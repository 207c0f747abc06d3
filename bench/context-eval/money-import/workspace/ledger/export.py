def to_csv(rows: list[dict[str, str]]) -> str:
    return "\n".join(row["amount"] for row in rows)
