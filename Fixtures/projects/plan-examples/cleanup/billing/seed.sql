INSERT INTO billing_invoice (number, total, legacy_ref, issued) VALUES ('A-1', 10.00, 'X9', '2024-03-01');
INSERT INTO billing_legacypayment (amount, invoice_id) SELECT 10.00, id FROM billing_invoice;
