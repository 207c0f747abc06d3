from datetime import date
from billing.due import due_date
from billing.invoice import Invoice

assert due_date(Invoice(date(2024, 5, 3), 1)) == date(2024, 5, 6), due_date(Invoice(date(2024, 5, 3), 1))
assert due_date(Invoice(date(2024, 5, 1), 10)) == date(2024, 5, 15)
