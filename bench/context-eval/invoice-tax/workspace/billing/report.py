from billing.models import Invoice
from billing.tax import tax_for


def invoice_total(invoice: Invoice) -> float:
    """Sum of each line's amount plus its tax from tax_for, rounded to 2 decimals."""
    pass
