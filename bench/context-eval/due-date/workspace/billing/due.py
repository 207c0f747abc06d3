from billing.invoice import Invoice
from util.dates import add_business_days


def due_date(invoice: Invoice):
    """The date the invoice falls due: add_business_days from its issue date by its terms."""
    pass
