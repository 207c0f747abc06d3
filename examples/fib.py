def fib(n):
    """Return the n-th Fibonacci number; raise ValueError for negative n.

    >>> fib(0)
    0
    >>> fib(1)
    1
    >>> fib(10)
    55
    """
    pass
