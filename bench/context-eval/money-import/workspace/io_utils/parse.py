def parse_money(text: str) -> int:
    """Cents of a European-formatted amount such as "1.234,56 EUR" or "-3,5"."""
    number = text.replace("EUR", "").strip().replace(".", "").replace(",", ".")
    return round(float(number) * 100)
