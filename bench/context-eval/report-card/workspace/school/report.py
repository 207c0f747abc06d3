from school.models import Student
from school.scale import letter_for


def report_card(student: Student) -> dict[str, str]:
    """Letter grade for each subject of the student's scores, from letter_for."""
    pass
