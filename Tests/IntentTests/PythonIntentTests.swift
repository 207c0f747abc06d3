import DocwrightCore
import Intent
import Testing

let pythonCases: [IntentCase] = [
    .task("cursor on docstring, pass stub", "python", #"""
import numpy as np

def add(a, b):
    """Return the ¦sum of a and b."""
    pass

"""#, marked: #"""
import numpy as np

def add(a, b):
    """Return the sum of a and b."""
[[    pass
]]
"""#, indentation: "    ", signature: "def add(a, b):", doc: "Return the sum of a and b."),

    .task("cursor on signature, ellipsis stub, multi-line docstring", "python", #"""
def m¦ean(xs):
    """Arithmetic mean.

    Args:
        xs: numbers.
    """
    ...
"""#, marked: #"""
def mean(xs):
    """Arithmetic mean.

    Args:
        xs: numbers.
    """
[[    ...]]
"""#, indentation: "    ", signature: "def mean(xs):", doc: "Arithmetic mean.\n\nArgs:\n    xs: numbers."),

    .task("cursor in body, raise NotImplementedError, decorated method", "python", #"""
class Stack:
    def __init__(self):
        self.items = []

    @property
    def top(self):
        """The last pushed item."""
        raise NotImplementedError("t¦odo")

    def size(self):
        return len(self.items)
"""#, marked: #"""
class Stack:
    def __init__(self):
        self.items = []

    @property
    def top(self):
        """The last pushed item."""
[[        raise NotImplementedError("todo")
]]
    def size(self):
        return len(self.items)
"""#, indentation: "        ", signature: "def top(self):", doc: "The last pushed item."),

    .task("docstring-only body at end of file without newline", "python", #"""
def greet(name):
    '''Say hello to ¦name.'''
"""#, marked: #"""
def greet(name):
    '''Say hello to name.'''[[]]
"""#, indentation: "    ", signature: "def greet(name):", doc: "Say hello to name."),

    .task("local import before the docstring (HumanEval/115)", "python", #"""
def max_fill(grid, capacity):
    import math
    """
    Return the number of times you need to lower the ¦buckets.
    """
"""#, marked: #"""
def max_fill(grid, capacity):
    import math
    """
    Return the number of times you need to lower the buckets.
    """[[]]
"""#, indentation: "    ", signature: "def max_fill(grid, capacity):",
          doc: "Return the number of times you need to lower the buckets."),

    .task("two local imports, a blank line, then the docstring and a pass stub", "python", #"""
def area(r):
    import math
    from functools import reduce

    """Area of a circle of radius r.¦"""
    pass
"""#, marked: #"""
def area(r):
    import math
    from functools import reduce

    """Area of a circle of radius r."""
[[    pass]]
"""#, indentation: "    ", signature: "def area(r):", doc: "Area of a circle of radius r."),

    .task("docstring-only body followed by another def", "python", #"""
def first(xs):
    """First element or None."""
¦
def second(xs):
    return xs[1]
"""#, marked: #"""
def first(xs):
    """First element or None."""
[[]]
def second(xs):
    return xs[1]
"""#, indentation: "    ", signature: "def first(xs):", doc: "First element or None."),

    .task("multi-line annotated signature, cursor on a parameter", "python", #"""
async def fetch(
    url: str,¦
    timeout: float = 3.0,
) -> dict[str, int]:
    r"""Fetch JSON from url."""
    pass
"""#, marked: #"""
async def fetch(
    url: str,
    timeout: float = 3.0,
) -> dict[str, int]:
    r"""Fetch JSON from url."""
[[    pass]]
"""#, indentation: "    ", signature: "async def fetch(\n    url: str,\n    timeout: float = 3.0,\n) -> dict[str, int]:",
          doc: "Fetch JSON from url."),

    .task("guidance comment is kept above the insertion", "python", #"""
def count_words(text):
    """Count each word."""
    # use a dict¦
    pass
"""#, marked: #"""
def count_words(text):
    """Count each word."""
    # use a dict
[[    pass]]
"""#, indentation: "    ", signature: "def count_words(text):", doc: "Count each word."),

    .task("comment above a def without docstring documents it", "python", #"""
# Return the ¦larger of a and b.
def bigger(a, b):
    pass
"""#, marked: #"""
# Return the larger of a and b.
def bigger(a, b):
[[    pass]]
"""#, indentation: "    ", signature: "def bigger(a, b):", doc: "Return the larger of a and b."),

    .task("bare def line after a comment is a whole-body request", "python", #"""
# Parse an ISO date.
def parse_date(s):¦

"""#, shape: .function, marked: #"""
# Parse an ISO date.
def parse_date(s):
[[]]
"""#, indentation: "    ", signature: "def parse_date(s):", doc: "Parse an ISO date."),

    .task("whitespace-only line after the docstring is replaced", "python",
          "def square(x):\n    \"\"\"Square x.\"\"\"\n    ¦\n\nprint(square(3))\n",
          marked: "def square(x):\n    \"\"\"Square x.\"\"\"\n[[    ]]\n\nprint(square(3))\n",
          indentation: "    ", signature: "def square(x):", doc: "Square x."),

    .task("plain comment followed by an empty line asks for the next lines", "python", #"""
import csv

# parse the CSV and sum column 3¦

"""#, shape: .nextLines, marked: #"""
import csv

# parse the CSV and sum column 3
[[]]
"""#, indentation: "", signature: "", doc: "parse the CSV and sum column 3"),

    .task("comment at the end of a function body (dedent follows)", "python", #"""
def main():
    rows = load()
    # sort rows by date¦
print("done")
"""#, shape: .nextLines, marked: #"""
def main():
    rows = load()
    # sort rows by date
[[]]print("done")
"""#, indentation: "    ", signature: "", doc: "sort rows by date"),

    .task("tab-indented file", "python", "def f(x):\n\t\"\"\"Twice x.\"\"\"\n\tpass¦\n",
          marked: "def f(x):\n\t\"\"\"Twice x.\"\"\"\n[[\tpass\n]]", indentation: "\t", signature: "def f(x):", doc: "Twice x."),

    .nothing("function with a real body", "python", #"""
def add(a, b):
    """Add ¦them."""
    return a + b
"""#, reason: "already has a body"),

    .nothing("cursor on plain code", "python", #"""
x = 1
y = ¦2
"""#, reason: "no docstring or comment at line 2"),

    .nothing("unterminated docstring", "python", #"""
def f():
    """Never ¦closed
    pass
"""#, reason: "not closed"),

    .nothing("comment followed by code", "python", #"""
# increment the ¦counter
counter += 1
"""#, reason: "followed by code"),

    .nothing("def without any documentation", "python", #"""
def f(x):
    pa¦ss
"""#, reason: "no docstring"),

    .nothing("local import followed by code is a real body", "python", #"""
def root(x):
    import ma¦th
    return math.sqrt(x)
"""#, reason: "no docstring"),

    .nothing("one-line def", "python", #"""
# helper
def f(x): ret¦urn x
"""#, reason: "one-line def"),
]

@Test(arguments: pythonCases) func pythonIntent(_ row: IntentCase) { check(row) }
