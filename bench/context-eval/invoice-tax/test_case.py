from billing.models import Invoice, Line
from billing.report import invoice_total

inv = Invoice("A1", [Line("x", 2, 10.0, "standard"), Line("y", 1, 100.0, "luxury"), Line("z", 3, 2.0, "reduced")])
assert abs(invoice_total(inv) - 161.3) < 1e-6, invoice_total(inv)
assert invoice_total(Invoice("A2", [])) == 0
