from net.retry import retry_schedule

assert retry_schedule() == [0.25, 0.5, 1.0, 2.0, 3.0], retry_schedule()
