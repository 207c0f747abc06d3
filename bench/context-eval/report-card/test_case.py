from school.models import Student
from school.report import report_card

assert report_card(Student("a", {"math": 91, "art": 97, "gym": 60, "bio": 80})) == {"math": "B", "art": "A", "gym": "F", "bio": "C"}
assert report_card(Student("b")) == {}
