from weather.models import Reading
from weather.summary import fahrenheit_range

assert fahrenheit_range([Reading("a", 21.0), Reading("b", -3.2), Reading("c", 4.0)]) == (69.8, 26.2), fahrenheit_range([Reading("a", 21.0), Reading("b", -3.2), Reading("c", 4.0)])
