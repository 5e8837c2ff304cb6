"""The public holidays of 2025 and 2026 as announced for civil servants (Labour Code 2019,
art. 112, and the Prime Minister's yearly notices). Later years are added by administrators
when the Government announces them; the calendar is theirs to correct."""

import datetime as dt

from django.db import migrations

D = dt.date
DAYS = [
    (D(2025, 1, 1), "Tết Dương lịch", False),
    *[(D(2025, 1, d), "Tết Nguyên đán", False) for d in (27, 28, 29, 30, 31)],
    (D(2025, 4, 7), "Giỗ Tổ Hùng Vương", False),
    (D(2025, 4, 26), "Làm bù cho ngày nghỉ 02/5", True),
    (D(2025, 4, 30), "Ngày Chiến thắng", False),
    (D(2025, 5, 1), "Ngày Quốc tế Lao động", False),
    (D(2025, 5, 2), "Nghỉ hoán đổi", False),
    (D(2025, 9, 1), "Quốc khánh", False),
    (D(2025, 9, 2), "Quốc khánh", False),
    (D(2026, 1, 1), "Tết Dương lịch", False),
    *[(D(2026, 2, d), "Tết Nguyên đán", False) for d in (16, 17, 18, 19, 20)],
    (D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", False),
    (D(2026, 4, 30), "Ngày Chiến thắng", False),
    (D(2026, 5, 1), "Ngày Quốc tế Lao động", False),
    (D(2026, 9, 1), "Quốc khánh", False),
    (D(2026, 9, 2), "Quốc khánh", False),
]


def add_days(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for day, name, working in DAYS:
        CalendarDay.objects.get_or_create(
            date=day, defaults={"name": name, "is_working_day": working}
        )


def remove_days(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    CalendarDay.objects.filter(date__in=[day for day, _, _ in DAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_calendar_day")]
    operations = [migrations.RunPython(add_days, remove_days)]
