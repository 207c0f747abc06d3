from ledger.totals import total_cents

assert total_cents([{"amount": "1.234,56 EUR"}, {"amount": "-3,5"}, {"amount": "10"}]) == 124106, total_cents([{"amount": "1.234,56 EUR"}, {"amount": "-3,5"}, {"amount": "10"}])
assert total_cents([]) == 0
